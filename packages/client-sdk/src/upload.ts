import { NetworkError, ServerError } from './errors.js';
import type { UPLOAD_ERROR_CODES } from './generated/error-codes.js';

/** What `upload` accepts: a browser `File`/`Blob`, or bytes. */
export type UploadBody = Blob | Uint8Array | ArrayBuffer;

export interface UploadOptions {
  /** The original file name, sent URI-encoded as `x-file-name`. Default: `file.name` for a `File`, else none. */
  fileName?: string;
  /** The declared media type (advisory: the server sniffs the bytes). Default: `blob.type`, else `application/octet-stream`. */
  mimeType?: string;
  /**
   * Called as bytes go out, with the bytes sent so far and the total; last
   * with `(total, total)` once the server has answered. Browsers report
   * XMLHttpRequest upload progress; Node counts the bytes the stream hands
   * to the socket.
   */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborts the upload; the promise then rejects with a NetworkError of code `ABORTED`. */
  signal?: AbortSignal;
}

export type UploadKind = 'PHOTO' | 'VIDEO' | 'DOCUMENT';

/** A stored upload, to pass by `id` in `uploadIds` within 24 hours. */
export interface UploadedFile {
  /** Opaque, signed, bound to the tenant, valid 24 h. */
  id: string;
  kind: UploadKind;
  /** As sniffed from the bytes by the server. */
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  /** An absolute-path URL (`/uploads/<id>/preview`) of a resized, metadata-stripped preview; null for non-images. */
  previewUrl: string | null;
}

/** The upload codes that mean "this file, as sent, was refused" (returned as UploadRefused); the others are thrown. */
const REFUSALS = ['UNSUPPORTED_TYPE', 'TOO_LARGE', 'EMPTY', 'TENANT_NOT_FOUND', 'RATE_LIMITED', 'BAD_REQUEST'] as const satisfies readonly (typeof UPLOAD_ERROR_CODES)[number][];
export type UploadErrorCode = (typeof REFUSALS)[number];

/** The file was refused (nothing was stored). `message` is Vietnamese / English. */
export interface UploadRefused {
  __typename: 'UploadRefused';
  code: UploadErrorCode;
  message: string;
  statusCode: number;
  requestId: string | null;
}

export interface UploadSuccess {
  __typename: 'UploadSuccess';
  upload: UploadedFile;
  requestId: string | null;
}

/** Expected refusals are results, like the GraphQL unions; network and server faults throw. */
export type UploadResult = UploadSuccess | UploadRefused;

/** Where and as whom to upload: what a client knows. */
export interface UploadTarget {
  /** The `/uploads` URL; see `uploadUrlFor`. */
  url: string;
  tenant: string;
  token?: string | undefined;
  apiKey?: string | undefined;
  /** Force the transport; default `xhr` where XMLHttpRequest exists, else `fetch`. */
  transport?: 'xhr' | 'fetch' | undefined;
  fetch?: typeof fetch | undefined;
}

/** The uploads URL next to a GraphQL endpoint: `…/graphql` → `…/uploads`. */
export function uploadUrlFor(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  if (/\/graphql$/.test(trimmed)) return trimmed.replace(/\/graphql$/, '/uploads');
  return `${trimmed}/uploads`;
}

const CHUNK = 64 * 1024;

/**
 * Uploads one file as raw bytes (not multipart) to `POST /uploads`, with
 * progress. Resolves to `UploadSuccess` or `UploadRefused`; throws a
 * NetworkError when no answer came and a ServerError on an unexpected answer.
 */
export async function uploadFile(target: UploadTarget, file: UploadBody, options: UploadOptions = {}): Promise<UploadResult> {
  const bytesOrBlob = toBytesOrBlob(file);
  const total = bytesOrBlob instanceof Uint8Array ? bytesOrBlob.byteLength : bytesOrBlob.size;
  const named = file as unknown as { name?: unknown };
  const blobName = typeof named.name === 'string' ? named.name : undefined;
  const fileName = options.fileName ?? blobName;
  const mimeType = options.mimeType || (bytesOrBlob instanceof Uint8Array ? '' : bytesOrBlob.type) || 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': mimeType, 'x-tenant': target.tenant, accept: 'application/json' };
  if (fileName) headers['x-file-name'] = encodeURIComponent(fileName);
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  if (target.apiKey) headers['x-api-key'] = target.apiKey;
  if (options.signal?.aborted) throw aborted(target.url);

  const useXhr = (target.transport ?? (typeof XMLHttpRequest === 'function' && !target.fetch ? 'xhr' : 'fetch')) === 'xhr';
  const answer = useXhr ? await sendWithXhr(target.url, headers, bytesOrBlob, total, options) : await sendWithFetch(target, headers, bytesOrBlob, total, options);
  return readAnswer(answer, total, options);
}

/** Bytes as a Uint8Array view, or the Blob as is (checked by shape: Blobs and buffers may come from another realm). */
function toBytesOrBlob(file: UploadBody): Blob | Uint8Array {
  if (ArrayBuffer.isView(file)) return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (typeof (file as Blob).stream === 'function' && typeof (file as Blob).size === 'number') return file as Blob;
  if (Object.prototype.toString.call(file) === '[object ArrayBuffer]') return new Uint8Array(file as ArrayBuffer);
  throw new TypeError('upload: file must be a Blob, a Uint8Array or an ArrayBuffer');
}

interface RawAnswer {
  status: number;
  text: string;
  requestId: string | null;
}

function readAnswer(answer: RawAnswer, total: number, options: UploadOptions): UploadResult {
  type Body = { upload?: UploadedFile; error?: { code?: string; message?: string } };
  let body: Body | null;
  try {
    body = JSON.parse(answer.text) as Body;
  } catch {
    body = null;
  }
  if (answer.status === 201 && body?.upload) {
    options.onProgress?.(total, total);
    return { __typename: 'UploadSuccess', upload: body.upload, requestId: answer.requestId };
  }
  const error = body?.error;
  if (answer.status < 500 && error?.code && REFUSAL_CODES.has(error.code)) {
    return { __typename: 'UploadRefused', code: error.code as UploadErrorCode, message: error.message ?? error.code, statusCode: answer.status, requestId: answer.requestId };
  }
  throw new ServerError(error?.message ?? `Unexpected upload answer (HTTP ${answer.status})`, {
    code: error?.code ?? (answer.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_RESPONSE'),
    requestId: answer.requestId,
    statusCode: answer.status,
  });
}

const REFUSAL_CODES = new Set<string>(REFUSALS);

const aborted = (url: string, cause?: unknown) => new NetworkError(`Upload to ${url} aborted`, { code: 'ABORTED', cause });

function sendWithXhr(url: string, headers: Record<string, string>, body: Blob | Uint8Array, total: number, options: UploadOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (options.onProgress) {
      const onProgress = options.onProgress;
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : total);
    }
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText, requestId: xhr.getResponseHeader('x-request-id') });
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      reject(new NetworkError(`No answer from ${url}`, { code: 'NETWORK_ERROR' }));
    };
    xhr.onabort = () => {
      done();
      reject(aborted(url));
    };
    xhr.send(body as XMLHttpRequestBodyInit);
  });
}

const isNode = () => typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

async function sendWithFetch(target: UploadTarget, headers: Record<string, string>, body: Blob | Uint8Array, total: number, options: UploadOptions): Promise<RawAnswer> {
  const doFetch = target.fetch ?? globalThis.fetch.bind(globalThis);
  // Node (undici) streams a ReadableStream body; browsers without XHR
  // (workers) mostly cannot, so they send the bytes whole.
  const streamed = isNode() && typeof ReadableStream === 'function';
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers };
  if (options.signal) init.signal = options.signal;
  if (streamed) {
    init.body = countingStream(body, total, options.onProgress);
    init.duplex = 'half';
    headers['content-length'] = String(total);
  } else {
    options.onProgress?.(0, total);
    init.body = body as BodyInit;
  }
  let response: Response;
  try {
    response = await doFetch(target.url, init);
  } catch (cause) {
    if (options.signal?.aborted) throw aborted(target.url, cause);
    throw new NetworkError(`No answer from ${target.url}`, { code: 'NETWORK_ERROR', cause });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (options.signal?.aborted) throw aborted(target.url, cause);
    throw new NetworkError(`Answer from ${target.url} cut off`, { code: 'NETWORK_ERROR', cause });
  }
  return { status: response.status, text, requestId: response.headers.get('x-request-id') };
}

/** The body as a stream of ≤64 KiB chunks, reporting each chunk as the transport pulls it. */
function countingStream(body: Blob | Uint8Array, total: number, onProgress?: (loaded: number, total: number) => void): ReadableStream<Uint8Array> {
  let loaded = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start() {
        onProgress?.(0, total);
      },
      async pull(controller) {
        let chunk: Uint8Array | undefined;
        if (body instanceof Uint8Array) {
          if (loaded < total) chunk = body.subarray(loaded, Math.min(loaded + CHUNK, total));
        } else {
          reader ??= (body.stream() as ReadableStream<Uint8Array>).getReader();
          const next = await reader.read();
          chunk = next.done ? undefined : next.value;
        }
        if (!chunk) {
          controller.close();
          return;
        }
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress?.(loaded, total);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
