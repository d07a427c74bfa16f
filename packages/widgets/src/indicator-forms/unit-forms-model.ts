import {
  type IndicatorFieldsFragment,
  type IndicatorFormDraftFieldsFragment,
  type IndicatorFormFieldsFragment,
  type IndicatorFormStatusQuery,
  type IndicatorPeriodicity,
  type IndicatorValueFieldsFragment,
} from '@paht/client-sdk/public';
import { getIndicatorFormEntry, getIndicatorFormStatus, listIndicatorForms, listIndicators, type PahtClient } from '@paht/client-sdk/staff';
import { numberOf, type FieldProblem } from '../staff/field-problems.js';

// What the unit's indicator forms section reads (docs/indicators.md#report-forms),
// through the SDK only: the active forms, the unit's state for each of the
// recent periods (the server says which units a form is due from and
// whether they submitted on time), the indicators' targets, and for an
// open form, in one request, the unit's current value of each indicator with
// its history and the unit's draft (docs/indicators.md#drafts).

export type UnitForm = IndicatorFormFieldsFragment;
export type Indicator = IndicatorFieldsFragment;
export type IndicatorValue = IndicatorValueFieldsFragment;
type StatusReport = Extract<IndicatorFormStatusQuery['indicatorFormStatus'], { __typename: 'IndicatorFormStatusReport' }>;
export type UnitFormStatus = StatusReport['units'][number];
export type FormDraft = IndicatorFormDraftFieldsFragment;

/** A form the unit must fill for a period, with the unit's state (`null`: never read). */
export interface FormRow {
  form: UnitForm;
  period: string;
  deadline: string;
  status: UnitFormStatus;
}

export type FormsState =
  | { kind: 'idle' | 'loading' | 'forbidden' }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'ready'; rows: FormRow[]; indicators: Indicator[] };

/** The form open for a period: the unit's state, its current values by indicator id, and a submission's refusal at its fields. */
export interface FormEntry {
  form: UnitForm;
  period: string;
  deadline: string;
  status: UnitFormStatus;
  values: Record<string, IndicatorValue>;
  /** The form's indicators with their targets, as read with the entry. */
  indicators: Indicator[];
  /** The unit's draft as read when the form was opened (what the fields start from); null: none. */
  draft: FormDraft | null;
  sending: boolean;
  error: string | null;
  problems: FieldProblem[];
}

export type EntryState =
  | { kind: 'none' }
  | { kind: 'loading'; formId: string; period: string }
  | { kind: 'ready'; entry: FormEntry }
  /** The period asked for was refused (problems at `period`) or the read failed. */
  | { kind: 'failed'; form: UnitForm; period: string; error: string | null; problems: FieldProblem[] };

/** A refusal read from the API, thrown inside a load. */
export class LoadRefused extends Error {
  constructor(
    readonly forbidden: boolean,
    readonly refusal: { __typename: string; message: string; messageVi?: string; messageEn?: string; fields?: ReadonlyArray<{ path: string; message: string }> } | null = null,
  ) {
    super('refused');
  }
}

function ok<T extends { __typename: string }, K extends T['__typename']>(result: T, success: K): Extract<T, { __typename: K }> {
  if (result.__typename === success) return result as Extract<T, { __typename: K }>;
  throw new LoadRefused(result.__typename === 'ForbiddenError', result as never);
}

/** The period written as the API does: `2026-03`, `2026-Q1`, `2026`. */
export function periodOf(periodicity: IndicatorPeriodicity, year: number, month: number): string {
  if (periodicity === 'YEAR') return String(year);
  if (periodicity === 'QUARTER') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period containing `now` in `timeZone` and the `count - 1` before it, the latest first. */
export function recentPeriods(periodicity: IndicatorPeriodicity, now: Date, timeZone: string, count: number): string[] {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const step = periodicity === 'YEAR' ? 12 : periodicity === 'QUARTER' ? 3 : 1;
  return Array.from({ length: count }, (_, n) => {
    const index = year * 12 + (month - 1) - n * step;
    return periodOf(periodicity, Math.floor(index / 12), (index % 12) + 1);
  });
}

/** The unit's row of a form's status for a period, with the deadline; null when the form is not due from the unit. */
async function unitStatus(client: PahtClient, form: UnitForm, period: string, unitId: string): Promise<FormRow | null> {
  const report = ok(await getIndicatorFormStatus(client, { formId: form.id, period }), 'IndicatorFormStatusReport');
  const status = report.units.find((u) => u.unitId === unitId);
  return status ? { form: report.form, period: report.period, deadline: report.deadline, status } : null;
}

/** The active forms due from the unit, for each of the `periods` recent periods, the latest first; and the tenant's indicators. */
export async function loadUnitForms(client: PahtClient, unitId: string, now: Date, timeZone: string, periods = 2): Promise<{ rows: FormRow[]; indicators: Indicator[] }> {
  const [forms, indicators] = await Promise.all([listIndicatorForms(client), listIndicators(client)]);
  const active = ok(forms, 'IndicatorFormsSuccess').data.filter((f) => f.status === 'ACTIVE');
  const rows = await Promise.all(active.flatMap((form) => recentPeriods(form.periodicity, now, timeZone, periods).map((period) => unitStatus(client, form, period, unitId))));
  return { rows: rows.filter((r): r is FormRow => r !== null), indicators: ok(indicators, 'IndicatorsSuccess').data };
}

/** The form for a period in one request: the unit's state, the indicators with targets, its current values (with history) and its draft. */
export async function loadEntry(client: PahtClient, form: UnitForm, period: string, unitId: string): Promise<FormEntry | null> {
  const read = ok(await getIndicatorFormEntry(client, { formId: form.id, unitId, period }), 'IndicatorFormEntry');
  if (!read.unit) return null;
  const values: Record<string, IndicatorValue> = {};
  for (const v of read.values) values[v.indicatorId] = v;
  return { form: read.form, period: read.period, deadline: read.deadline, status: read.unit, values, indicators: read.indicators, draft: read.draft ?? null, sending: false, error: null, problems: [] };
}

/** What the fields of an open form hold: each value that is a number, and a problem for each that is text but no number. */
export function typedValues(form: HTMLFormElement, items: UnitForm['items'], notANumber: string): { values: Array<{ indicatorId: string; value: number }>; problems: FieldProblem[] } {
  const values: Array<{ indicatorId: string; value: number }> = [];
  const problems: FieldProblem[] = [];
  for (const it of items) {
    const input = form.elements.namedItem(`v-${it.indicatorId}`) as HTMLInputElement | null;
    const text = input?.value ?? '';
    const value = numberOf(text);
    if (value !== null) values.push({ indicatorId: it.indicatorId, value });
    else if (text.trim()) problems.push({ path: `values.${it.code}`, message: notANumber });
  }
  return { values, problems };
}

/** A value's revisions, the latest first: the current one and the earlier ones its history keeps. */
export function revisionsOf(value: IndicatorValue): Array<{ revision: number; value: number; reason: string | null; submittedBy: string | null; submittedAt: string }> {
  const all = new Map(value.history.map((h) => [h.revision, h]));
  if (!all.has(value.revision)) all.set(value.revision, { revision: value.revision, value: value.value, reason: null, submittedBy: value.submittedBy, submittedAt: value.submittedAt });
  return [...all.values()].sort((a, b) => b.revision - a.revision);
}
