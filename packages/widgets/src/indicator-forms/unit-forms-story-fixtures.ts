// Fixed rows and open forms for the unit's indicator forms stories (no
// server), on the admin console's story indicators and forms. Not part of
// the published entries.
import { FORMS, INDICATORS } from '../admin-console/indicator-story-fixtures.js';
import type { FormEntry, FormRow, IndicatorValue, UnitFormStatus } from './unit-forms-model.js';

export { INDICATORS as FORM_INDICATORS };
export const ME = 'staff-canbo';
export const DRAFT_SAVED_AT = '2026-11-27T03:42:00Z';
const form = FORMS[0]!;

const status = (s: Partial<UnitFormStatus>): UnitFormStatus => ({
  unitId: 'u1', unitCode: 'UBND-DH', unitName: 'UBND thành phố Đông Hà', state: 'PENDING', firstSubmittedAt: null, lastSubmittedAt: null, lastSubmittedBy: null, revision: null, ...s,
});

export const FORM_ROWS: FormRow[] = [
  { form, period: '2026-11', deadline: '2026-12-05T16:59:59.999Z', status: status({}) },
  { form, period: '2026-10', deadline: '2026-11-05T16:59:59.999Z', status: status({ state: 'LATE', firstSubmittedAt: '2026-11-06T03:10:00Z', lastSubmittedAt: '2026-11-12T08:00:00Z', lastSubmittedBy: ME, revision: 2 }) },
  { form, period: '2026-09', deadline: '2026-10-05T16:59:59.999Z', status: status({ state: 'ON_TIME', firstSubmittedAt: '2026-10-03T02:00:00Z', lastSubmittedAt: '2026-10-03T02:00:00Z', lastSubmittedBy: ME, revision: 1 }) },
  { form, period: '2026-08', deadline: '2026-09-05T16:59:59.999Z', status: status({ state: 'OVERDUE' }) },
];

const value = (indicatorId: string, v: number, history: Array<[number, string | null, string]>): IndicatorValue => ({
  id: `v-${indicatorId}`, indicatorId, unitId: 'u1', period: '2026-10', value: v, revision: history.length, submittedBy: ME, submittedAt: history.at(-1)![2],
  history: history.map(([value, reason, submittedAt], n) => ({ revision: n + 1, value, reason, submittedBy: n === 0 ? 'a81f03c2-admin' : ME, submittedAt })),
});

/** A new period: nothing submitted yet. */
export const ENTRY_NEW: FormEntry = { form, period: '2026-11', deadline: FORM_ROWS[0]!.deadline, status: FORM_ROWS[0]!.status, values: {}, indicators: INDICATORS, draft: null, sending: false, error: null, problems: [] };

/** A submitted period, one value corrected once. */
export const ENTRY_SUBMITTED: FormEntry = {
  form, period: '2026-10', deadline: FORM_ROWS[1]!.deadline, status: FORM_ROWS[1]!.status, indicators: INDICATORS, draft: null, sending: false, error: null, problems: [],
  values: {
    i2: value('i2', 812, [[812, null, '2026-11-06T03:10:00Z']]),
    i1: value('i1', 790, [[776, null, '2026-11-06T03:10:00Z'], [790, 'Bổ sung 14 hồ sơ sau rà soát', '2026-11-12T08:00:00Z']]),
    i4: value('i4', 18450.5, [[18450.5, null, '2026-11-06T03:10:00Z']]),
  },
};

/** The API's refusal of a correction, at its fields. */
export const ENTRY_REFUSED: FormEntry = {
  ...ENTRY_SUBMITTED,
  error: 'Không thực hiện được (ValidationError): …',
  problems: [
    { path: 'values.HS_DUNG_HAN', message: 'Giá trị nhỏ hơn mức tối thiểu 0 / is below the minimum 0' },
    { path: 'reason', message: 'Cần nhập lý do điều chỉnh / a correction needs a reason' },
  ],
};

/** A new period with the unit's draft: two values typed, one of them out of the form's limits (a draft keeps it; the submission refuses it). */
export const ENTRY_DRAFT: FormEntry = {
  ...ENTRY_NEW,
  draft: {
    formId: form.id, unitId: 'u1', period: '2026-11', revision: 3, savedBy: ME, savedAt: DRAFT_SAVED_AT,
    values: form.items.slice(0, 2).map((it, n) => ({ indicatorId: it.indicatorId, code: it.code, value: n === 0 ? 640 : -3 })),
  },
};
