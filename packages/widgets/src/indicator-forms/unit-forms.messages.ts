import type { Lang } from '../shared/i18n.js';

type State = 'ON_TIME' | 'LATE' | 'PENDING' | 'OVERDUE';

export interface UnitFormsMessages {
  heading: string;
  intro: string;
  reload: string;
  loading: string;
  signedOut: string;
  forbidden: string;
  failed: (requestId: string | null) => string;
  refused: (code: string, message: string) => string;
  empty: string;
  list: string;
  form: string;
  period: string;
  deadline: string;
  state: string;
  states: Record<State, string>;
  revision: (n: number) => string;
  open: string;
  back: string;
  entryLoading: string;
  entryFailed: string;
  notDue: string;
  periodHint: string;
  openPeriod: string;
  lastSubmitted: (at: string) => string;
  unitOfMeasure: string;
  target: (target: number, higherIsBetter: boolean) => string;
  noTarget: string;
  optional: string;
  limits: (min: number | null, max: number | null) => string;
  current: (value: string, revision: number) => string;
  notANumber: string;
  reason: string;
  reasonHint: string;
  submit: string;
  correct: string;
  sending: string;
  submitted: (revision: number, replayed: boolean) => string;
  fieldsRefused: (n: number) => string;
  history: (n: number) => string;
  historyCaption: (code: string) => string;
  value: string;
  when: string;
  by: string;
  you: string;
  firstValue: string;
  /** The draft's status line (docs/indicators.md#drafts). */
  draft: { saving: string; saved: (at: string) => string; restored: (at: string) => string; failed: string; conflict: string };
  discardDraft: string;
  draftDiscarded: string;
}

const vi: UnitFormsMessages = {
  heading: 'Biểu mẫu chỉ tiêu',
  intro: 'Các biểu mẫu chỉ tiêu kinh tế – xã hội đơn vị phải nộp theo từng kỳ.',
  reload: 'Tải lại',
  loading: 'Đang tải biểu mẫu…',
  signedOut: 'Đăng nhập để xem biểu mẫu của đơn vị.',
  forbidden: 'Tài khoản này không nộp biểu mẫu chỉ tiêu.',
  failed: (id) => `Không tải được biểu mẫu. Hãy thử lại${id ? ` (mã yêu cầu ${id})` : ''}.`,
  refused: (code, message) => `Không thực hiện được (${code}): ${message}`,
  empty: 'Đơn vị không phải nộp biểu mẫu nào trong các kỳ gần đây.',
  list: 'Biểu mẫu của đơn vị',
  form: 'Biểu mẫu',
  period: 'Kỳ báo cáo',
  deadline: 'Hạn nộp',
  state: 'Tình trạng',
  states: { ON_TIME: 'Đã nộp đúng hạn', LATE: 'Đã nộp muộn', PENDING: 'Chưa nộp', OVERDUE: 'Quá hạn, chưa nộp' },
  revision: (n) => `lần ${n}`,
  open: 'Mở',
  back: 'Về danh sách',
  entryLoading: 'Đang tải số liệu…',
  entryFailed: 'Không mở được biểu mẫu cho kỳ này.',
  notDue: 'Đơn vị không phải nộp biểu mẫu này.',
  periodHint: 'Tháng: 2026-03; quý: 2026-Q1; năm: 2026.',
  openPeriod: 'Mở kỳ này',
  lastSubmitted: (at) => `Nộp gần nhất: ${at}`,
  unitOfMeasure: 'Đơn vị tính',
  target: (t, higher) => `Kế hoạch: ${higher ? '≥' : '≤'} ${t.toLocaleString('vi-VN')} (${higher ? 'càng cao càng tốt' : 'càng thấp càng tốt'})`,
  noTarget: 'Không có kế hoạch',
  optional: 'không bắt buộc',
  limits: (min, max) => (min !== null && max !== null ? `từ ${min.toLocaleString('vi-VN')} đến ${max.toLocaleString('vi-VN')}` : min !== null ? `từ ${min.toLocaleString('vi-VN')}` : `đến ${max!.toLocaleString('vi-VN')}`),
  current: (v, r) => `Đã nộp: ${v} (lần ${r})`,
  notANumber: 'Giá trị phải là một số / The value must be a number',
  reason: 'Lý do điều chỉnh',
  reasonHint: 'Bắt buộc khi sửa số liệu đã nộp; được lưu cùng lịch sử điều chỉnh.',
  submit: 'Nộp biểu mẫu',
  correct: 'Nộp số liệu điều chỉnh',
  sending: 'Đang gửi…',
  submitted: (r, replayed) => (replayed ? `Số liệu không đổi: giữ lần nộp ${r}.` : r > 1 ? `Đã nộp số liệu điều chỉnh (lần ${r}).` : 'Đã nộp biểu mẫu.'),
  fieldsRefused: (n) => `${n} mục chưa hợp lệ: xem ở từng ô.`,
  history: (n) => `Lịch sử điều chỉnh (${n} lần nộp)`,
  historyCaption: (code) => `Lịch sử số liệu ${code}`,
  value: 'Giá trị',
  when: 'Thời điểm',
  by: 'Người nộp',
  you: 'Bạn',
  firstValue: 'Nộp lần đầu',
  draft: {
    saving: 'Đang lưu nháp…',
    saved: (at) => `Đã lưu nháp lúc ${at}. Bản nháp chưa được nộp và không được tính vào số liệu.`,
    restored: (at) => `Đã khôi phục bản nháp lưu lúc ${at}. Bản nháp chưa được nộp.`,
    failed: 'Chưa lưu được nháp; sẽ lưu lại khi bạn nhập tiếp.',
    conflict: 'Một cán bộ khác vừa lưu bản nháp này. Mở lại biểu mẫu để xem bản mới nhất trước khi nhập tiếp.',
  },
  discardDraft: 'Bỏ bản nháp',
  draftDiscarded: 'Đã bỏ bản nháp.',
};

const en: UnitFormsMessages = {
  heading: 'Indicator forms',
  intro: 'The socio-economic indicator forms your unit submits each period.',
  reload: 'Reload',
  loading: 'Loading forms…',
  signedOut: 'Sign in to see your unit’s forms.',
  forbidden: 'This account does not submit indicator forms.',
  failed: (id) => `The forms could not be loaded. Try again${id ? ` (request ${id})` : ''}.`,
  refused: (code, message) => `Not done (${code}): ${message}`,
  empty: 'Your unit has no form to submit for the recent periods.',
  list: 'Your unit’s forms',
  form: 'Form',
  period: 'Period',
  deadline: 'Due',
  state: 'State',
  states: { ON_TIME: 'Submitted on time', LATE: 'Submitted late', PENDING: 'Not submitted', OVERDUE: 'Overdue, not submitted' },
  revision: (n) => `revision ${n}`,
  open: 'Open',
  back: 'Back to the list',
  entryLoading: 'Loading the values…',
  entryFailed: 'The form could not be opened for this period.',
  notDue: 'Your unit does not submit this form.',
  periodHint: 'Month: 2026-03; quarter: 2026-Q1; year: 2026.',
  openPeriod: 'Open this period',
  lastSubmitted: (at) => `Last submitted: ${at}`,
  unitOfMeasure: 'Unit of measure',
  target: (t, higher) => `Target: ${higher ? '≥' : '≤'} ${t.toLocaleString('en-GB')} (${higher ? 'higher is better' : 'lower is better'})`,
  noTarget: 'No target',
  optional: 'optional',
  limits: (min, max) => (min !== null && max !== null ? `from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}` : min !== null ? `from ${min.toLocaleString('en-GB')}` : `up to ${max!.toLocaleString('en-GB')}`),
  current: (v, r) => `Submitted: ${v} (revision ${r})`,
  notANumber: 'Giá trị phải là một số / The value must be a number',
  reason: 'Reason for the correction',
  reasonHint: 'Required to change submitted values; kept with their history.',
  submit: 'Submit the form',
  correct: 'Submit the correction',
  sending: 'Sending…',
  submitted: (r, replayed) => (replayed ? `Nothing changed: revision ${r} stands.` : r > 1 ? `Correction submitted (revision ${r}).` : 'Form submitted.'),
  fieldsRefused: (n) => `${n} entries are not valid: see each field.`,
  history: (n) => `History (${n} submissions)`,
  historyCaption: (code) => `History of ${code}`,
  value: 'Value',
  when: 'When',
  by: 'By',
  you: 'You',
  firstValue: 'First value',
  draft: {
    saving: 'Saving the draft…',
    saved: (at) => `Draft saved at ${at}. It is not submitted and counts in no figure.`,
    restored: (at) => `Draft restored, saved at ${at}. It is not submitted yet.`,
    failed: 'The draft could not be saved; it is saved again when you type.',
    conflict: 'Another officer has just saved this draft. Open the form again to see the latest one before typing on.',
  },
  discardDraft: 'Discard the draft',
  draftDiscarded: 'Draft discarded.',
};

export const UNIT_FORMS_MESSAGES: Record<Lang, UnitFormsMessages> = { vi, en };
