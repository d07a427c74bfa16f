import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAttachmentForViewer, httpStatusOf, isDomainError, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentStaff } from '../auth/current-staff.js';
import { requestTenant } from '../security/request-tenant.js';
import { INTERNAL_SERVER_ERROR } from '../errors/format-error.js';
import { describeUnexpected } from '../errors/redact.js';
import { imageSize, PREVIEW_MIME_TYPE, processImage } from './image-processing.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import { MAX_VIDEO_BYTES, mediaRuleOf, MiB, sniffMedia, SNIFF_BYTES, type MediaRule } from './media-types.js';
import { BodyReader } from './request-body.js';
import { isUploadError, UploadError, uploadErrors } from './upload-errors.js';
import { previewKeyOf, uploadKeys, type ByteRange, type UploadStorage } from './upload-storage.js';
import { UploadRateLimit } from './upload-rate-limit.js';
import { issueUploadToken, verifyUploadToken, type UploadClaims } from './upload-token.js';
import { uploadPreviewUrl } from './upload-urls.js';
import { DEFAULT_SWEEP_INTERVAL_MS, sweepUnattachedUploads } from './sweep-uploads.js';

export interface UploadsOptions {
  core: CoreContext;
  /** Where files go. Default: local disk under `dir`. */
  storage?: UploadStorage;
  /** Local disk root. Default `PAHT_UPLOADS_DIR`, else `<os tmpdir>/paht-uploads`. */
  dir?: string;
  /** Uploads one client (an address, or a signed-in staff member) may start per minute and tenant. Default `PAHT_UPLOADS_PER_MINUTE`, else 30. */
  uploadsPerMinute?: number;
  /** A body that sends nothing for this long is refused (408 TIMEOUT) and the connection closed. Default 30 000 ms. */
  bodyIdleTimeoutMs?: number;
  /** A body not complete this long after the route started reading is refused the same way. Default 900 000 ms (15 minutes: 100 MiB at about 1 Mbit/s). */
  bodyTimeoutMs?: number;
  /** Milliseconds between sweeps of unattached uploads (`sweepUnattachedUploads`, on the core's clock). Default one hour; 0: off. */
  sweepIntervalMs?: number;
}

export const DEFAULT_BODY_IDLE_TIMEOUT_MS = 30_000;
export const DEFAULT_BODY_TIMEOUT_MS = 15 * 60_000;

/** The storage root when none is given. */
export const defaultUploadsDir = (): string => process.env.PAHT_UPLOADS_DIR || join(tmpdir(), 'paht-uploads');

/** The JSON body of every upload route refusal. */
const errorBody = (error: UploadError) => ({ error: { code: error.code, message: error.message } });

const bearerOf = (request: FastifyRequest): string | null => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;

function contentLengthOf(request: FastifyRequest): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0) throw uploadErrors.badRequest('Content-Length không hợp lệ', 'Invalid Content-Length');
  return length;
}

/** `Range: bytes=a-b` (one range); null for none, 'INVALID' when it cannot be served. */
function rangeOf(header: string | undefined, size: number): ByteRange | null | 'INVALID' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '') || size === 0) return 'INVALID';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(size - Number(m[2]), 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : 'INVALID';
}

/**
 * The upload routes (docs/uploads.md):
 * `POST /uploads` takes the raw bytes of one photo or video, checks type and
 * size from the bytes, strips photos of all metadata, stores the file and
 * answers with a signed upload id; `GET /uploads/:id/preview` shows the
 * uploader the preview; `GET /attachments/:id[/preview]` serves stored
 * attachments to whoever may see them.
 */
export async function uploadsPlugin(app: FastifyInstance, options: UploadsOptions): Promise<void> {
  const { core } = options;
  const storage = options.storage ?? new LocalDiskStorage(options.dir ?? defaultUploadsDir());
  const perMinute = options.uploadsPerMinute ?? (Number(process.env.PAHT_UPLOADS_PER_MINUTE) || 30);

  // Bodies here are raw file bytes of any declared type, read as a stream by
  // the route itself (never buffered by Fastify, so /graphql's 1 MiB limit
  // does not apply, and nothing is held beyond the per-type limit). Scoped
  // to this plugin: other routes keep their parsers.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  const rate = new UploadRateLimit(perMinute, 60_000);
  const deadlines = { idleMs: options.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_TIMEOUT_MS, totalMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS };
  startSweeper(app, core, storage, options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);

  app.setErrorHandler((error: FastifyError | UploadError, request, reply) => {
    let refusal: UploadError;
    if (isUploadError(error)) refusal = error;
    else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      refusal = uploadErrors.badRequest('Yêu cầu không hợp lệ', 'Bad request');
    } else {
      request.log.error({ requestId: request.id, error: describeUnexpected(error) }, 'upload route failed');
      // Masked like every other route: the same code, and the request id to quote.
      return reply
        .code(httpStatusOf(INTERNAL_SERVER_ERROR))
        .send({ error: { code: INTERNAL_SERVER_ERROR, message: 'Lỗi máy chủ / Internal server error', requestId: String(request.id) } });
    }
    if (request.method === 'POST' && !request.raw.readableEnded) {
      // A stalled or trickling body is not waited for: answer, then close.
      if (refusal.code === 'TIMEOUT') closeAfterAnswer(request, reply);
      else discardRest(request);
    }
    return reply.code(refusal.status).send(errorBody(refusal));
  });

  const tenantOf = async (request: FastifyRequest): Promise<TenantRecord> => {
    const found = await requestTenant(core, request);
    if (!found.ok) throw uploadErrors.tenantNotFound();
    return found.tenant;
  };

  /** Whom the rate limit counts: a signed-in staff member by account (offices share addresses), anyone else by address. */
  const clientKey = async (request: FastifyRequest, tenant: TenantRecord): Promise<string> => {
    const bearer = bearerOf(request);
    const staff = bearer ? await currentStaff(core, bearer, tenant.id) : null;
    return staff && 'userId' in staff ? `${tenant.id}\u0000staff:${staff.userId}` : `${tenant.id}\u0000ip:${request.ip}`;
  };

  app.post('/uploads', async (request, reply) => {
    const tenant = await tenantOf(request);
    const retryAfter = rate.take(await clientKey(request, tenant), core.now().getTime());
    if (retryAfter !== null) {
      reply.header('retry-after', String(retryAfter));
      throw uploadErrors.rateLimited();
    }
    const declared = contentLengthOf(request);
    if (declared === 0) throw uploadErrors.empty();
    if (declared !== null && declared > MAX_VIDEO_BYTES) throw uploadErrors.tooLarge(MAX_VIDEO_BYTES / MiB);

    const reader = new BodyReader(request.raw, deadlines);
    const head = await reader.head(SNIFF_BYTES);
    if (head.length === 0) throw uploadErrors.empty();
    const rule = await sniffMedia(head);
    if (!rule) throw uploadErrors.unsupported();
    const tooLarge = () => uploadErrors.tooLarge(rule.maxBytes / MiB);
    if (declared !== null && declared > rule.maxBytes) throw tooLarge();

    const uploadId = randomUUID();
    const stored = await store(reader, head, rule, tooLarge, uploadKeys(tenant.id, uploadId));
    const claims: UploadClaims = { uploadId, tenantId: tenant.id, kind: rule.kind, mimeType: rule.mimeType, ...stored };
    const { token } = await issueUploadToken(core.secretKey, claims, core.now());
    return reply.code(201).send({
      upload: {
        id: token,
        kind: claims.kind,
        mimeType: claims.mimeType,
        byteSize: claims.byteSize,
        width: claims.width,
        height: claims.height,
        previewUrl: claims.preview ? uploadPreviewUrl(token) : null,
      },
    });
  });

  /** Stores what was sent: photos re-encoded (with a preview), the rest as sent. */
  async function store(
    reader: BodyReader,
    head: Buffer,
    rule: MediaRule,
    tooLarge: () => UploadError,
    keys: { original: string; preview: string },
  ): Promise<Pick<UploadClaims, 'byteSize' | 'width' | 'height' | 'preview'>> {
    if (rule.kind === 'PHOTO') {
      const input = await reader.restInMemory(head, rule.maxBytes, tooLarge);
      if (!rule.reencode) {
        const { size } = await storage.put(keys.original, input, { contentType: rule.mimeType });
        return { byteSize: size, ...(await imageSize(input)), preview: false };
      }
      const image = await processImage(input, rule);
      await storage.put(keys.preview, image.preview, { contentType: PREVIEW_MIME_TYPE });
      const { size } = await storage.put(keys.original, image.data, { contentType: rule.mimeType });
      return { byteSize: size, width: image.width, height: image.height, preview: true };
    }
    // Videos stream to storage as they arrive; MP4/MOV/WebM metadata is not
    // stripped, so videos never become public (core: PUBLISHABLE_MEDIA_TYPES).
    const { size } = await storage.put(keys.original, reader.rest(head, rule.maxBytes, tooLarge), { contentType: rule.mimeType });
    return { byteSize: size, width: null, height: null, preview: false };
  }

  // A wildcard, not `:id`: upload ids are longer than Fastify's 100-character parameter limit.
  app.get('/uploads/*', async (request, reply) => {
    const id = /^([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\/preview$/.exec((request.params as { '*': string })['*'])?.[1];
    if (!id) throw uploadErrors.notFound();
    const check = await verifyUploadToken(core.secretKey, id, null, core.now());
    if (!check.ok || !check.claims.preview) throw uploadErrors.notFound();
    const object = await storage.get(uploadKeys(check.claims.tenantId, check.claims.uploadId).preview);
    if (!object) throw uploadErrors.notFound();
    return sendObject(reply, object, { contentType: PREVIEW_MIME_TYPE, cache: 'private, max-age=3600', fileName: `preview-${check.claims.uploadId}.jpg` });
  });

  const serveAttachment = (preview: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const tenant = await tenantOf(request);
    // A signed link (handed out by the API to whoever may see the file), else a staff bearer token; never a secret in the URL.
    const query = (request.query ?? {}) as Record<string, unknown>;
    const link = query.signature === undefined ? null : { expires: query.expires, signature: query.signature };
    const bearer = bearerOf(request);
    let actor = null;
    if (bearer) {
      actor = await currentStaff(core, bearer, tenant.id);
      if (!actor) throw uploadErrors.unauthenticated();
    }
    let attachment;
    try {
      attachment = await findAttachmentForViewer(core, tenant.id, id, { link, actor });
    } catch (error) {
      if (isDomainError(error)) throw uploadErrors.notFound();
      throw error;
    }
    const cache = attachment.isPublic ? 'public, max-age=86400' : 'private, no-store';
    const extension = attachment.mimeType.split('/')[1]?.replace(/[^a-z0-9]/g, '') ?? 'bin';
    if (preview) {
      if (!mediaRuleOf(attachment.mimeType)?.reencode) throw uploadErrors.notFound();
      const object = await storage.get(previewKeyOf(attachment.storageKey));
      if (!object) throw uploadErrors.notFound();
      return sendObject(reply, object, { contentType: PREVIEW_MIME_TYPE, cache, fileName: `${attachment.id}-preview.jpg` });
    }
    const stat = await storage.stat(attachment.storageKey);
    if (!stat) throw uploadErrors.notFound();
    const range = rangeOf(request.headers.range, stat.size);
    if (range === 'INVALID') {
      return reply.code(416).header('content-range', `bytes */${stat.size}`).send(errorBody(uploadErrors.badRequest('Khoảng byte không hợp lệ', 'Unsatisfiable range')));
    }
    const object = await storage.get(attachment.storageKey, range ?? undefined);
    if (!object) throw uploadErrors.notFound();
    return sendObject(reply, object, { contentType: attachment.mimeType, cache, fileName: `${attachment.id}.${extension}`, range });
  };

  app.get('/attachments/:id', serveAttachment(false));
  app.get('/attachments/:id/preview', serveAttachment(true));
}

/** Sweeps unattached uploads every `intervalMs` (unref'd, so it never keeps the process alive); stopped when the app closes. */
function startSweeper(app: FastifyInstance, core: CoreContext, storage: UploadStorage, intervalMs: number): void {
  if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`sweepIntervalMs must be 0 or more, got ${intervalMs}`);
  if (intervalMs === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepUnattachedUploads(core, storage, core.now())
      .then((r) => {
        if (r.removed > 0) app.log.info({ removed: r.removed }, 'swept unattached uploads');
      })
      .catch((error) => app.log.error({ error: describeUnexpected(error) }, 'sweeping unattached uploads failed'))
      .finally(() => (running = false));
  }, intervalMs).unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** After a TIMEOUT: the answer goes out with `connection: close`, and the socket is cut soon after whatever the client does. */
function closeAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('connection', 'close');
  const socket = request.raw.socket;
  reply.raw.once('finish', () => {
    socket?.end();
    setTimeout(() => socket?.destroy(), 1000).unref();
  });
}

/** Past this much of an unread body after a refusal, the connection is cut. */
const DISCARD_LIMIT = 4 * MiB;
const DISCARD_MS = 10_000;

/**
 * After a refusal with the body still coming: reads and drops a little more
 * of it (so the client, still sending, gets to read the answer rather than a
 * reset), then cuts the connection. Nothing is kept.
 */
function discardRest(request: FastifyRequest): void {
  const raw = request.raw;
  let dropped = 0;
  const cut = () => raw.socket?.destroy();
  const timer = setTimeout(cut, DISCARD_MS).unref();
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT) cut();
  });
  raw.once('end', () => clearTimeout(timer));
  raw.once('close', () => clearTimeout(timer));
}

function sendObject(
  reply: FastifyReply,
  object: { body: NodeJS.ReadableStream; size: number },
  o: { contentType: string; cache: string; fileName: string; range?: ByteRange | null },
) {
  reply
    .header('content-type', o.contentType)
    .header('cache-control', o.cache)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', `inline; filename="${o.fileName}"`)
    .header('accept-ranges', 'bytes');
  if (o.range) {
    reply.code(206).header('content-range', `bytes ${o.range.start}-${o.range.end}/${object.size}`).header('content-length', o.range.end - o.range.start + 1);
  } else {
    reply.header('content-length', object.size);
  }
  return reply.send(object.body);
}
