import type { ERROR_CODES, UploadErrorCode as RegisteredUploadCode } from '@paht/core';

/** The error codes of the upload routes (docs/uploads.md), each with its HTTP status: core's registry, checked at compile time. */
export const UPLOAD_ERROR_STATUS = {
  UNSUPPORTED_TYPE: 415,
  TOO_LARGE: 413,
  EMPTY: 400,
  TENANT_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  TIMEOUT: 408,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
} as const satisfies Partial<{ readonly [K in RegisteredUploadCode]: (typeof ERROR_CODES)[K]['status'] }>;
export type UploadErrorCode = keyof typeof UPLOAD_ERROR_STATUS;

/**
 * An expected refusal of an upload route. The message is Vietnamese first,
 * English second (`"<vi> / <en>"`) and never echoes what was sent.
 */
export class UploadError extends Error {
  override readonly name = 'UploadError';
  readonly status: number;
  constructor(
    readonly code: UploadErrorCode,
    vietnamese: string,
    english: string,
  ) {
    super(`${vietnamese} / ${english}`);
    this.status = UPLOAD_ERROR_STATUS[code];
  }
}

export const isUploadError = (error: unknown): error is UploadError => error instanceof Error && error.name === 'UploadError' && 'code' in error;

export const uploadErrors = {
  unsupported: () =>
    new UploadError(
      'UNSUPPORTED_TYPE',
      'Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC) và video (MP4, MOV, WebM)',
      'Only photos (JPEG, PNG, WebP, HEIC) and videos (MP4, MOV, WebM) are accepted',
    ),
  unreadableImage: () => new UploadError('UNSUPPORTED_TYPE', 'Không đọc được ảnh này; tệp có thể bị hỏng', 'This image cannot be read; the file may be damaged'),
  tooLarge: (limitMiB: number) =>
    new UploadError('TOO_LARGE', `Tệp quá lớn: tối đa ${limitMiB} MiB cho loại tệp này`, `The file is too large: at most ${limitMiB} MiB for this type`),
  tooManyPixels: () => new UploadError('TOO_LARGE', 'Ảnh có quá nhiều điểm ảnh', 'The image has too many pixels'),
  empty: () => new UploadError('EMPTY', 'Tệp rỗng', 'The file is empty'),
  tenantNotFound: () =>
    new UploadError('TENANT_NOT_FOUND', 'Không tìm thấy tỉnh/thành (x-tenant)', 'Unknown tenant: send header x-tenant or query parameter tenant'),
  rateLimited: () => new UploadError('RATE_LIMITED', 'Tải lên quá nhiều, vui lòng thử lại sau', 'Too many uploads; try again later'),
  badRequest: (vi: string, en: string) => new UploadError('BAD_REQUEST', vi, en),
  timeout: () => new UploadError('TIMEOUT', 'Tải lên quá chậm nên đã bị dừng; vui lòng thử lại', 'The upload was too slow and was stopped; try again'),
  notFound: () => new UploadError('NOT_FOUND', 'Không tìm thấy tệp', 'No such file'),
  unauthenticated: () => new UploadError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn', 'Invalid or expired token for this tenant; sign in again'),
};
