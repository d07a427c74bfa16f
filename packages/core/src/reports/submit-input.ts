import { z } from 'zod';
import { validationError } from '../errors.js';
import { assertSafeInput } from '../input/untrusted-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { safeParseWithIssues } from '../validation/zod-issues.js';
import { vietnamesePhoneField } from './vietnamese-phone.js';

export const CHANNELS = ['APP', 'WEB', 'FANPAGE', 'ZALO', 'EMAIL', 'HOTLINE_1022', 'AI_CALL_CENTRE', 'OPEN311'] as const;
export type Channel = (typeof CHANNELS)[number];
/**
 * The channels a citizen files through by themselves (the web, the
 * province's app): the only ones a caller who is not signed-in staff may
 * name. The others are intake by staff (hotline, e-mail, social pages, the
 * AI call centre) or a façade of our own (Open311).
 */
export const SELF_SERVICE_CHANNELS: readonly Channel[] = ['WEB', 'APP'];

/** Largest attachment accepted: 100 MiB (videos). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * Metadata of a file already uploaded to storage (the upload itself and the
 * checks of its bytes belong to the API). Kept private until published.
 */
export const attachmentInputSchema = z.object({
  kind: z.enum(['PHOTO', 'VIDEO', 'DOCUMENT']),
  mimeType: z.string().regex(/^(image|video|application)\/[\w.+-]+$/),
  byteSize: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  storageKey: z.string().min(1).max(500),
  fileName: z.string().trim().max(255).optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type AttachmentInput = z.input<typeof attachmentInputSchema>;
/** At most this many attachments with one submission (or one answer). */
export const MAX_ATTACHMENTS = 10;

/** What a citizen (or an operator taking a call) sends to file a report. */
export const submitReportSchema = z.object({
  title: text(5, 200),
  description: text(10, 5000),
  categoryId: z.uuid().optional(),
  channel: z.enum(CHANNELS).default('WEB'),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  address: text(1, 500).optional(),
  areaCode: text(1, 20).optional(),
  reporter: z.object({
    fullName: text(1, 200).optional(),
    /** E.164 once parsed. */
    phone: vietnamesePhoneField(),
    email: z.email().max(320).optional(),
  }),
  /** Files already uploaded (see `attachmentInputSchema`). Kept private until published. */
  attachments: z.array(attachmentInputSchema).max(MAX_ATTACHMENTS).default([]),
  /** Client-chosen key; a retried submit with the same key returns the same report. */
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
})
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    params: { code: FieldIssueCode.COORDINATES_TOGETHER },
    path: ['longitude'],
  })
  .refine((v) => v.latitude !== undefined || v.address !== undefined || v.areaCode !== undefined, {
    params: { code: FieldIssueCode.LOCATION_REQUIRED },
    path: ['address'],
  });

export type SubmitReportInput = z.input<typeof submitReportSchema>;
export type SubmitReportData = z.output<typeof submitReportSchema>;

/**
 * Validates and normalizes a submission (phone to E.164, by the schema). Throws a
 * VALIDATION DomainError naming the fields; messages never echo the values.
 */
export function parseSubmitInput(input: unknown): SubmitReportData {
  assertSafeInput(input);
  const parsed = safeParseWithIssues(submitReportSchema, input);
  if (!parsed.success) throw validationError(parsed.issues);
  return parsed.data;
}
