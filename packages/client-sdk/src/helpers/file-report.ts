import type { PublicClient, SubmitOptions } from '../client.js';
import type { SubmitReportQueued } from '../offline/offline-queue.js';
import type { SubmitReportResult } from '../api-types.js';
import type { SubmitReportInput } from '../generated/types.js';
import type { UploadBody, UploadedFile, UploadRefused } from '../upload.js';

/** A file to attach: the bytes, or the bytes with a name and media type. */
export type Attachment = UploadBody | { file: UploadBody; fileName?: string; mimeType?: string };

export interface FileReportProgress {
  /** Which file is going out (index in `files`). */
  fileIndex: number;
  /** Bytes of this file sent so far, and its size. */
  loaded: number;
  total: number;
  /** Bytes of all files sent so far, and their sum. */
  overallLoaded: number;
  overallTotal: number;
}

export interface FileReportOptions extends SubmitOptions {
  /** Photos, videos, documents to attach (at most 10). Each is uploaded first, then the report is filed with their ids. */
  files?: Attachment[];
  /** Upload progress over all files. */
  onProgress?: (progress: FileReportProgress) => void;
  /** With an offline queue on the client: keep the submission when there is no network. Default true. Files must be uploaded first, so they need the network. */
  queueIfOffline?: boolean;
}

/** One of the files was refused (type, size, empty); nothing was filed. */
export type AttachmentRefused = UploadRefused & { fileIndex: number };

export type FileReportResult =
  | (Extract<SubmitReportResult, { __typename: 'SubmitReportSuccess' }> & { attachments: UploadedFile[] })
  | Exclude<SubmitReportResult, { __typename: 'SubmitReportSuccess' }>
  | SubmitReportQueued
  | AttachmentRefused;

const sizeOf = (body: UploadBody) => (body instanceof Blob ? body.size : body.byteLength);
const partsOf = (a: Attachment) => (typeof a === 'object' && a !== null && 'file' in a ? a : { file: a });

/**
 * Files a citizen's report with attachments: uploads each file (with
 * progress), then submits the report with their `uploadIds`. Refusals come
 * back typed: `AttachmentRefused` (which file), `ValidationError`,
 * `ForbiddenError`; `SubmitReportQueued` when kept by the offline queue.
 */
export async function fileReport(
  client: Pick<PublicClient, 'upload' | 'submitReport' | 'offline'>,
  input: SubmitReportInput,
  options: FileReportOptions = {},
): Promise<FileReportResult> {
  const { files = [], onProgress, queueIfOffline = true, ...submitOptions } = options;
  const attachments = files.map(partsOf);
  const sizes = attachments.map((a) => sizeOf(a.file));
  const overallTotal = sizes.reduce((sum, n) => sum + n, 0);
  const uploaded: UploadedFile[] = [];
  let done = 0;
  for (const [fileIndex, attachment] of attachments.entries()) {
    const result = await client.upload(attachment.file, {
      ...(attachment.fileName ? { fileName: attachment.fileName } : {}),
      ...(attachment.mimeType ? { mimeType: attachment.mimeType } : {}),
      ...(submitOptions.signal ? { signal: submitOptions.signal } : {}),
      onProgress: (loaded, total) => onProgress?.({ fileIndex, loaded, total, overallLoaded: done + loaded, overallTotal }),
    });
    if (result.__typename === 'UploadRefused') return { ...result, fileIndex };
    uploaded.push(result.upload);
    done += sizes[fileIndex]!;
  }
  const full: SubmitReportInput = uploaded.length ? { ...input, uploadIds: uploaded.map((u) => u.id) } : input;
  const result = client.offline && queueIfOffline ? await client.offline.submit(full, submitOptions) : await client.submitReport(full, submitOptions);
  return result.__typename === 'SubmitReportSuccess' ? { ...result, attachments: uploaded } : result;
}
