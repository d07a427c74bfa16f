import type { FieldIssueInput } from '@paht/core';
import { ErrorCode, httpStatusOf } from '@paht/core';

/** One entry of the standard's error answer: `[{ code, description }]`, `<errors><error>…`. */
export interface Open311ErrorEntry {
  /** The HTTP status, as the standard's examples use it. */
  code: number;
  /** Vietnamese first, English second; never a value the client sent. */
  description: string;
}

/**
 * An expected failure of the Open311 façade: the HTTP status and the
 * entries of the error answer. Thrown by the handlers, turned into the
 * answer in one place (the plugin's error handler).
 */
export class Open311Error extends Error {
  override readonly name = 'Open311Error';
  readonly errors: readonly Open311ErrorEntry[];
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 415,
    descriptions: readonly string[],
  ) {
    super(descriptions.join('; '));
    this.errors = descriptions.map((description) => ({ code: status, description }));
  }
}

// The standard's `code` is the HTTP status: each is core's registry's status of the code it stands for.
export const badRequest = (...descriptions: string[]) => new Open311Error(httpStatusOf(ErrorCode.BAD_REQUEST), descriptions);
export const notFound = (...descriptions: string[]) => new Open311Error(httpStatusOf(ErrorCode.NOT_FOUND), descriptions);
export const forbidden = (...descriptions: string[]) => new Open311Error(httpStatusOf(ErrorCode.FORBIDDEN), descriptions);
export const conflict = (...descriptions: string[]) => new Open311Error(409, descriptions);

/** Our submit input's field paths, as Open311 parameter names. */
const PARAMETER_OF: Record<string, string> = {
  title: 'description',
  description: 'description',
  categoryId: 'service_code',
  latitude: 'lat',
  longitude: 'long',
  address: 'address_string',
  areaCode: 'address_id',
  'reporter.fullName': 'first_name/last_name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
};

/** What each parameter must be, Vietnamese then English. */
const EXPECTED: Record<string, string> = {
  description: 'Mô tả cần từ 10 đến 5000 ký tự / description must be 10 to 5000 characters',
  service_code: 'Mã dịch vụ không có trong danh sách services / service_code is not one of the services listed',
  lat: 'Vĩ độ không hợp lệ; lat và long phải đi cùng nhau / lat must be -90 to 90, sent together with long',
  long: 'Kinh độ không hợp lệ; lat và long phải đi cùng nhau / long must be -180 to 180, sent together with lat',
  address_string: 'Cần vị trí: lat/long hoặc address_string / a location is required: lat/long or address_string',
  address_id: 'address_id không được hỗ trợ; hãy gửi lat/long hoặc address_string / address_id is not supported; send lat/long or address_string',
  'first_name/last_name': 'Họ tên quá dài / first_name and last_name are too long',
  phone: 'Cần số điện thoại Việt Nam hợp lệ (phone) / phone is required and must be a valid Vietnamese phone number',
  email: 'Địa chỉ e-mail không hợp lệ / email is not a valid e-mail address',
};

/** A core validation failure as Open311 errors, one per parameter, never echoing a value. */
export function invalidSubmission(fields: readonly FieldIssueInput[]): Open311Error {
  const parameters = [...new Set(fields.map((f) => PARAMETER_OF[f.path] ?? f.path))];
  return badRequest(...parameters.map((p) => EXPECTED[p] ?? `Tham số không hợp lệ: ${p} / invalid parameter: ${p}`));
}
