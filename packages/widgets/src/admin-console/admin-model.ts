import type { AdminCategoriesQuery, AdminUnitsQuery, ApiKeysQuery, AuditLogQuery, CalendarDaysQuery, FocalPointFieldsFragment, IndicatorFieldsFragment, IndicatorFormFieldsFragment, SlaPoliciesQuery, StaffAccountsQuery, TenantSettingsFieldsFragment } from '@paht/client-sdk/public';
import type { FeedDay } from './ical-days.js';

/** The admin console's sections, in the order shown. */
export const ADMIN_SECTIONS = ['units', 'categories', 'staff', 'keys', 'settings', 'audit', 'calendar', 'indicators'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

type Data<T> = Extract<T, { data: unknown }> extends { data: infer D } ? D : never;
export type AdminUnit = Data<AdminUnitsQuery['adminUnits']>[number];
export type CategoryConfig = Data<AdminCategoriesQuery['adminCategories']>[number];
export type SlaPolicy = Data<SlaPoliciesQuery['slaPolicies']>[number];
export type StaffAccount = Data<StaffAccountsQuery['staffAccounts']>[number];
export type ApiKey = Data<ApiKeysQuery['apiKeys']>[number];
export type CalendarDay = Data<CalendarDaysQuery['calendarDays']>[number];
export type AuditEntry = Extract<AuditLogQuery['auditLog'], { __typename: 'AuditLogPage' }>['entries'][number];
export type FocalPoint = FocalPointFieldsFragment;
export type TenantSettings = TenantSettingsFieldsFragment;
export type Indicator = IndicatorFieldsFragment;
export type IndicatorForm = IndicatorFormFieldsFragment;
import type { FieldProblem } from '../staff/field-problems.js';

export type { FieldProblem };
export { refusalOf } from '../staff/field-problems.js';

/** Everything the console has read (each section fills its part). */
export interface AdminData {
  units: AdminUnit[];
  focal: { unitId: string; points: FocalPoint[] } | null;
  categories: CategoryConfig[];
  policies: SlaPolicy[];
  staff: StaffAccount[];
  keys: ApiKey[];
  settings: TenantSettings | null;
  /** The settings schema as JSON Schema text (`tenantSettingsSchema`); null: not read (the schema's sections are not shown). */
  settingsSchema: string | null;
  audit: { entries: AuditEntry[]; hasNextPage: boolean; endCursor: string | null; action: string };
  calendar: CalendarDay[];
  indicators: Indicator[];
  /** The report forms, archived ones included. */
  forms: IndicatorForm[];
}

export const EMPTY_ADMIN_DATA: AdminData = {
  units: [],
  focal: null,
  categories: [],
  policies: [],
  staff: [],
  keys: [],
  settings: null,
  settingsSchema: null,
  audit: { entries: [], hasNextPage: false, endCursor: null, action: '' },
  calendar: [],
  indicators: [],
  forms: [],
};

export type AdminLoad = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'forbidden' } | { kind: 'failed'; requestId: string | null };

/**
 * The dialog open over the console, if any; `error` is a refusal to show in
 * it, `problems` the fields the API refused (shown at their fields).
 */
export type AdminDialog = (
  | { kind: 'unit'; sending: boolean; error: string | null }
  | { kind: 'unit-edit'; unit: AdminUnit; sending: boolean; error: string | null }
  | { kind: 'focal'; unitId: string; sending: boolean; error: string | null }
  | { kind: 'policy'; policy: SlaPolicy | null; sending: boolean; error: string | null }
  | { kind: 'category'; category: CategoryConfig | null; sending: boolean; error: string | null }
  | { kind: 'staff'; sending: boolean; error: string | null }
  | { kind: 'key'; sending: boolean; error: string | null; created: { name: string; key: string } | null; copied?: boolean }
  | { kind: 'revoke'; id: string; name: string; sending: boolean; error: string | null }
  | { kind: 'calendar'; sending: boolean; error: string | null }
  | { kind: 'ical'; days: FeedDay[]; sending: boolean; error: string | null }
  | { kind: 'indicator'; indicator: Indicator | null; sending: boolean; error: string | null }
  | { kind: 'indicator-form'; form: IndicatorForm | null; sending: boolean; error: string | null }
) & { problems?: readonly FieldProblem[] };

/** Units in tree order (each after its parent), with their depth; units whose parent is missing start a tree. */
export function unitTree(units: readonly AdminUnit[]): Array<{ unit: AdminUnit; depth: number }> {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, AdminUnit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: Array<{ unit: AdminUnit; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * The units `unit` may be moved under: active ones that are neither the unit
 * itself nor one of its sub-units at any depth (the API refuses those:
 * a cycle would cut the branch off the tree).
 */
export function moveTargets(units: readonly AdminUnit[], unit: AdminUnit): AdminUnit[] {
  const below = new Set<string>([unit.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
    }
  }
  return units.filter((u) => u.active && !below.has(u.id));
}


/** The lines of a text area, trimmed, empty ones dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
