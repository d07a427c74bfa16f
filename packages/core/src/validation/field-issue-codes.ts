/**
 * Why one input field was refused: a stable code per reason, with the
 * citizen-facing text in Vietnamese and English. Clients switch on `code`
 * (or show `messageVi`/`messageEn` by locale). Numbers in a message are the
 * rule's limits, never what the caller sent.
 */
export const FieldIssueCode = {
  /** Missing or empty. */
  REQUIRED: 'REQUIRED',
  /** Not the expected kind of value (text, number, list). */
  INVALID_TYPE: 'INVALID_TYPE',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  TOO_SMALL: 'TOO_SMALL',
  TOO_LARGE: 'TOO_LARGE',
  TOO_FEW: 'TOO_FEW',
  TOO_MANY: 'TOO_MANY',
  /** A whole number outside its range. */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /** Not one of the allowed values. */
  INVALID_OPTION: 'INVALID_OPTION',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_ID: 'INVALID_ID',
  /** Not a Vietnamese phone number (+84…, 84…, 0…). */
  INVALID_PHONE: 'INVALID_PHONE',
  /** Coordinates, an address or an area is needed. */
  LOCATION_REQUIRED: 'LOCATION_REQUIRED',
  /** Latitude and longitude come together. */
  COORDINATES_TOGETHER: 'COORDINATES_TOGETHER',
  /** Names something this tenant does not have (a category, unit, report). */
  UNKNOWN_REFERENCE: 'UNKNOWN_REFERENCE',
  /** A report cannot be a duplicate of itself. */
  SELF_REFERENCE: 'SELF_REFERENCE',
  /** Only signed-in staff may set this (an intake channel such as HOTLINE_1022). */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** An upload id that is not genuine or not of this tenant. */
  UPLOAD_INVALID: 'UPLOAD_INVALID',
  /** An upload id older than its validity window. */
  UPLOAD_EXPIRED: 'UPLOAD_EXPIRED',
  /** An upload id given twice, or already attached to a report. */
  UPLOAD_USED: 'UPLOAD_USED',
  /** An indicator formula that does not parse, or uses an operator or function formulas do not have. */
  FORMULA_SYNTAX: 'FORMULA_SYNTAX',
  /** An indicator formula that names an indicator this tenant does not have. */
  FORMULA_UNKNOWN_INDICATOR: 'FORMULA_UNKNOWN_INDICATOR',
  /** An indicator formula that depends on its own indicator, directly or through other formulas. */
  FORMULA_CYCLE: 'FORMULA_CYCLE',
  /** Any other reason; the English text says which. */
  INVALID: 'INVALID',
} as const;
export type FieldIssueCode = (typeof FieldIssueCode)[keyof typeof FieldIssueCode];

/** The rule's limits a message may quote (never the caller's value). */
export interface IssueParams {
  minimum?: number;
  maximum?: number;
}

interface IssueText {
  vi: string;
  en: string;
}

const C = FieldIssueCode;

/** The text of each code, Vietnamese and English. */
const TEXTS: Record<FieldIssueCode, (p: IssueParams) => IssueText> = {
  [C.REQUIRED]: () => ({ vi: 'Bắt buộc nhập', en: 'is required' }),
  [C.INVALID_TYPE]: () => ({ vi: 'Kiểu giá trị không đúng', en: 'has the wrong type' }),
  [C.TOO_SHORT]: (p) => ({ vi: `Cần ít nhất ${p.minimum} ký tự`, en: `must be at least ${p.minimum} characters` }),
  [C.TOO_LONG]: (p) => ({ vi: `Tối đa ${p.maximum} ký tự`, en: `must be at most ${p.maximum} characters` }),
  [C.TOO_SMALL]: (p) => ({ vi: `Phải từ ${p.minimum} trở lên`, en: `must be at least ${p.minimum}` }),
  [C.TOO_LARGE]: (p) => ({ vi: `Phải không quá ${p.maximum}`, en: `must be at most ${p.maximum}` }),
  [C.TOO_FEW]: (p) => ({ vi: `Cần ít nhất ${p.minimum} mục`, en: `needs at least ${p.minimum} items` }),
  [C.TOO_MANY]: (p) => ({ vi: `Tối đa ${p.maximum} mục`, en: `takes at most ${p.maximum} items` }),
  [C.OUT_OF_RANGE]: (p) => ({ vi: `Phải là số nguyên từ ${p.minimum} đến ${p.maximum}`, en: `must be a whole number from ${p.minimum} to ${p.maximum}` }),
  [C.INVALID_OPTION]: () => ({ vi: 'Không phải giá trị được phép', en: 'is not one of the allowed values' }),
  [C.INVALID_FORMAT]: () => ({ vi: 'Sai định dạng', en: 'has the wrong format' }),
  [C.INVALID_EMAIL]: () => ({ vi: 'Địa chỉ e-mail không hợp lệ', en: 'is not a valid e-mail address' }),
  [C.INVALID_ID]: () => ({ vi: 'Mã định danh không hợp lệ', en: 'is not a valid id' }),
  [C.INVALID_PHONE]: () => ({
    vi: 'Số điện thoại Việt Nam không hợp lệ (dạng 0…, 84… hoặc +84…)',
    en: 'is not a valid Vietnamese phone number (0…, 84… or +84…)',
  }),
  [C.LOCATION_REQUIRED]: () => ({
    vi: 'Cần vị trí: toạ độ, địa chỉ hoặc địa bàn',
    en: 'a location (coordinates, address or area) is required',
  }),
  [C.COORDINATES_TOGETHER]: () => ({ vi: 'Vĩ độ và kinh độ phải đi cùng nhau', en: 'latitude and longitude go together' }),
  [C.UNKNOWN_REFERENCE]: () => ({ vi: 'Không có trong dữ liệu của tỉnh/thành này', en: 'does not exist in this tenant' }),
  [C.SELF_REFERENCE]: () => ({ vi: 'Không thể trỏ tới chính phản ánh này', en: 'cannot name the report itself' }),
  [C.NOT_ALLOWED]: () => ({ vi: 'Chỉ cán bộ đã đăng nhập mới được đặt giá trị này', en: 'only signed-in staff may set this' }),
  [C.UPLOAD_INVALID]: () => ({ vi: 'Mã tệp tải lên không hợp lệ', en: 'is not a valid upload id of this tenant' }),
  [C.UPLOAD_EXPIRED]: () => ({ vi: 'Tệp tải lên đã hết hạn; vui lòng tải lại', en: 'has expired; upload the file again' }),
  [C.UPLOAD_USED]: () => ({ vi: 'Tệp này đã được đính kèm rồi', en: 'has already been attached' }),
  [C.FORMULA_SYNTAX]: () => ({
    vi: 'Công thức sai cú pháp (chỉ dùng mã chỉ tiêu, số, + - * /, ngoặc và các hàm yoy, lastYear, sum, min, max, abs)',
    en: 'is not a valid formula (indicator codes, numbers, + - * /, parentheses and the functions yoy, lastYear, sum, min, max, abs only)',
  }),
  [C.FORMULA_UNKNOWN_INDICATOR]: () => ({ vi: 'Công thức dùng mã chỉ tiêu không tồn tại', en: 'names an indicator that does not exist' }),
  [C.FORMULA_CYCLE]: () => ({ vi: 'Công thức tham chiếu vòng tới chính chỉ tiêu này', en: 'refers back to its own indicator' }),
  [C.INVALID]: () => ({ vi: 'Giá trị không hợp lệ', en: 'is invalid' }),
};

/** One refused field as the API reports it. */
export interface FieldIssue {
  /** Dotted from the input root (`reporter.phone`, `uploadIds.2`). */
  path: string;
  code: FieldIssueCode;
  /** Vietnamese, then English: `"<vi> / <en>"`. */
  message: string;
  messageVi: string;
  messageEn: string;
}

/**
 * What code that finds a problem says: a code (with the limits its text
 * quotes), or, for rules without a code of their own, an English `message`
 * (then the code is INVALID and the Vietnamese text generic).
 */
export interface FieldIssueInput {
  path: string;
  code?: FieldIssueCode;
  params?: IssueParams;
  message?: string;
}

export const isFieldIssueCode = (value: unknown): value is FieldIssueCode => typeof value === 'string' && Object.hasOwn(FieldIssueCode, value);

/** The complete issue: code, and the message in both languages. */
export function fieldIssue(input: FieldIssueInput | FieldIssue): FieldIssue {
  if ('messageVi' in input && 'messageEn' in input && isFieldIssueCode(input.code)) return input;
  const code = input.code ?? C.INVALID;
  const text = TEXTS[code]('params' in input ? (input.params ?? {}) : {});
  const messageEn = code === C.INVALID && input.message ? input.message : text.en;
  return { path: input.path, code, message: `${text.vi} / ${messageEn}`, messageVi: text.vi, messageEn };
}

/** A one-line summary of the issues, in both languages (for `ValidationError.message`). */
export function summarizeIssues(issues: readonly FieldIssue[]): IssueText {
  return {
    vi: `Dữ liệu chưa hợp lệ: ${issues.map((i) => `${i.path}: ${i.messageVi}`).join('; ')}`,
    en: `Invalid input: ${issues.map((i) => `${i.path}: ${i.messageEn}`).join('; ')}`,
  };
}

/**
 * What a citizen reads for each kind of expected failure other than invalid
 * input (their `message` stays the developer's English detail): one text per
 * code, Vietnamese and English. Keyed by DomainErrorCode's values.
 */
export const FAILURE_TEXTS: Readonly<Record<'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'NOT_FOUND' | 'CONFLICT' | 'ANSWER_LINK_REFUSED', IssueText>> = {
  FORBIDDEN: { vi: 'Không có quyền thực hiện việc này, hoặc sai mã theo dõi hay mã bí mật', en: 'Not allowed, or a wrong tracking code or secret' },
  ILLEGAL_TRANSITION: { vi: 'Phản ánh đang ở trạng thái không cho phép việc này', en: 'The report’s status does not allow this now' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { vi: 'Yêu cầu trùng hoặc xung đột với một thay đổi khác; vui lòng tải lại rồi thử lại', en: 'The request clashes with another one; reload and try again' },
  ANSWER_LINK_REFUSED: { vi: 'Đường dẫn trả lời đã hết hạn, không hợp lệ hoặc đã được dùng', en: 'The answer link has expired, is not valid, or was already used' },
};
