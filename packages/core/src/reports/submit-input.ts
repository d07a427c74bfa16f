import { isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import { validationError } from '../errors.js';
import { assertSafeInput } from '../input/untrusted-input.js';

export const CHANNELS = ['APP', 'WEB', 'FANPAGE', 'ZALO', 'EMAIL', 'HOTLINE_1022', 'AI_CALL_CENTRE', 'OPEN311'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Largest attachment accepted: 100 MiB (videos). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * Metadata of a file already uploaded to storage (the upload itself and the
 * checks of its bytes belong to the API). Kept private until published.
 */
export const attachmentInputSchema = z.object({
  kind: z.enum(['PHOTO', 'VIDEO', 'DOCUMENT']),
  mimeType: z.string().regex(/^(image|video|application)\/[\w.+-]+$/, 'is not a media type'),
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
    phone: z
      .string()
      .trim()
      .refine((v) => isValidPhoneNumber(v, 'VN'), 'is not a valid Vietnamese phone number'),
    email: z.email().max(320).optional(),
  }),
  /** Files already uploaded (see `attachmentInputSchema`). Kept private until published. */
  attachments: z.array(attachmentInputSchema).max(MAX_ATTACHMENTS).default([]),
  /** Client-chosen key; a retried submit with the same key returns the same report. */
  idempotencyKey: z.string().trim().min(8).max(200).optional(),
})
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    message: 'latitude and longitude go together',
    path: ['longitude'],
  })
  .refine((v) => v.latitude !== undefined || v.address !== undefined || v.areaCode !== undefined, {
    message: 'a location (coordinates, address or area) is required',
    path: ['address'],
  });

export type SubmitReportInput = z.input<typeof submitReportSchema>;
export type SubmitReportData = z.output<typeof submitReportSchema>;

/**
 * Validates and normalizes a submission (phone to E.164). Throws a
 * VALIDATION DomainError naming the fields; messages never echo the values.
 */
export function parseSubmitInput(input: unknown): SubmitReportData {
  assertSafeInput(input);
  const parsed = submitReportSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const data = parsed.data;
  return { ...data, reporter: { ...data.reporter, phone: parsePhoneNumber(data.reporter.phone, 'VN').number } };
}
