import { DomainError, DomainErrorCode } from '../errors.js';
import type { Actor, Role } from './actor.js';

/** Actions other than moving a report (those are in report-transitions.ts). */
export const Permission = {
  /** Submit a report on someone's behalf (hotline, fanpage intake). */
  REPORT_INTAKE: 'report:intake',
  /** Read every report of the tenant, private ones included. */
  REPORT_READ_ALL: 'report:read-all',
  /** See a reporter's name, phone and e-mail. */
  REPORT_READ_CONTACT: 'report:read-contact',
  /** Units, focal points, categories, SLA policies, calendar, settings, staff. */
  CONFIG_MANAGE: 'config:manage',
  /** Register a change of one's own unit's focal points. */
  FOCAL_POINTS_MANAGE_OWN: 'focal-points:manage-own',
  /** Internal KPIs (per unit, with private categories). */
  KPI_READ: 'kpi:read',
  /** Stages and rankings (league table, hop medians, a report's stages) of every unit, with the IOC's routing row. */
  KPI_RANKINGS_READ: 'kpi:rankings-read',
  /** Stages and rankings of one's own unit and the units below it only, without the IOC row. */
  KPI_RANKINGS_READ_OWN_UNITS: 'kpi:rankings-read-own-units',
  /** Define and change socio-economic indicators (docs/indicators.md). */
  INDICATOR_MANAGE: 'indicator:manage',
  /** Define, change and archive indicator report forms (docs/indicators.md#report-forms). */
  INDICATOR_FORM_MANAGE: 'indicator-form:manage',
  /** Submit and correct indicator values: a unit's staff for their own unit, tenant admins for any unit. */
  INDICATOR_SUBMIT: 'indicator:submit',
  /** Read every indicator's values, aggregated (public indicators are readable by anyone). */
  INDICATOR_READ: 'indicator:read',
  /**
   * Save, read and discard a report form's draft (docs/indicators.md#drafts):
   * the people who may submit the form for the unit, nobody else. A unit's
   * officers and leaders share their unit's drafts (any of them continues
   * what another typed); tenant admins, who submit on a unit's behalf, may
   * too. Readers of figures (IOC, leaders) never see a draft.
   */
  INDICATOR_DRAFT: 'indicator:draft',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const GRANTS: Readonly<Record<Permission, readonly Role[]>> = {
  'report:intake': ['IOC_OPERATOR'],
  'report:read-all': ['IOC_OPERATOR', 'TENANT_ADMIN', 'LEADER', 'SYSTEM'],
  'report:read-contact': ['IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_LEADER'],
  'config:manage': ['TENANT_ADMIN'],
  'focal-points:manage-own': ['UNIT_LEADER', 'TENANT_ADMIN'],
  'kpi:read': ['IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_LEADER', 'TENANT_ADMIN', 'LEADER', 'SYSTEM'],
  'kpi:rankings-read': ['IOC_OPERATOR', 'TENANT_ADMIN', 'LEADER', 'SYSTEM'],
  'kpi:rankings-read-own-units': ['UNIT_LEADER'],
  'indicator:manage': ['TENANT_ADMIN'],
  'indicator-form:manage': ['TENANT_ADMIN'],
  'indicator:submit': ['UNIT_OFFICER', 'UNIT_LEADER', 'TENANT_ADMIN'],
  'indicator:read': ['IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_LEADER', 'TENANT_ADMIN', 'LEADER', 'SYSTEM'],
  'indicator:draft': ['UNIT_OFFICER', 'UNIT_LEADER', 'TENANT_ADMIN'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[permission].includes(actor.role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, `Role ${actor.role} lacks ${permission}`, { action: permission });
  }
}

/**
 * How much of the stages and rankings `actor` may read (docs/kpis.md, "Who
 * sees what"): the whole tenant (`KPI_RANKINGS_READ`), the subtree of its own
 * unit (`KPI_RANKINGS_READ_OWN_UNITS`: the unit and the units below it), or
 * nothing (null).
 */
export function rankingScope(actor: Actor): { kind: 'TENANT' } | { kind: 'OWN_UNITS'; unitId: string } | null {
  if (can(actor, Permission.KPI_RANKINGS_READ)) return { kind: 'TENANT' };
  if (can(actor, Permission.KPI_RANKINGS_READ_OWN_UNITS) && 'unitId' in actor) return { kind: 'OWN_UNITS', unitId: actor.unitId };
  return null;
}

/**
 * Whether `actor` may see a report's reporter contact: the IOC always, a unit
 * only while the report is (or was last) assigned to it.
 */
export function canReadContact(actor: Actor, report: { unitId: string | null }): boolean {
  if (!can(actor, Permission.REPORT_READ_CONTACT)) return false;
  if (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER') return actor.unitId === report.unitId;
  return true;
}

/** Whether `actor` may submit or correct indicator values for `unitId`: a unit's staff only for their own unit. */
export function canSubmitIndicatorFor(actor: Actor, unitId: string): boolean {
  if (!can(actor, Permission.INDICATOR_SUBMIT)) return false;
  if (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER') return actor.unitId === unitId;
  return true;
}

/** Whether `actor` may save, read or discard `unitId`'s form drafts: a unit's staff only their own unit's, tenant admins any unit's. */
export function canDraftIndicatorFormFor(actor: Actor, unitId: string): boolean {
  if (!can(actor, Permission.INDICATOR_DRAFT)) return false;
  if (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER') return actor.unitId === unitId;
  return true;
}

/** Whether `actor` may read a report's non-public details (timeline reasons, private categories). */
export function canReadReport(actor: Actor, report: { id: string; unitId: string | null }): boolean {
  if (can(actor, Permission.REPORT_READ_ALL)) return true;
  if (actor.role === 'CITIZEN') return actor.reportId === report.id;
  if (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER') return actor.unitId === report.unitId;
  return false;
}
