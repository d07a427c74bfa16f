// The upload transport against a plain node:http stand-in for POST /uploads
// (the contract in docs: raw bytes, x-tenant, x-file-name). The real endpoint
// is exercised by test/integration/uploads.test.ts when the server has it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, NetworkError, ServerError, uploadUrlFor } from '@paht/client-sdk';

interface Received {
  headers: IncomingMessage['headers'];
  bytes: Buffer;
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      received.push({ headers: req.headers, bytes });
      res.setHeader('x-request-id', 'req-upload-1');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/graphql-refuse/uploads' || req.url === '/refuse/uploads') {
        res.statusCode = 415;
        res.end(JSON.stringify({ error: { code: 'UNSUPPORTED_TYPE', message: 'Loại tệp không được hỗ trợ / Unsupported file type' } }));
      } else if (req.url === '/broken/uploads') {
        res.statusCode = 500;
        res.end('oops');
      } else if (req.url === '/slow/uploads') {
        setTimeout(() => res.end('{}'), 5000);
      } else {
        res.statusCode = 201;
        res.end(JSON.stringify({ upload: { id: 'tok-1', kind: 'PHOTO', mimeType: 'image/png', byteSize: bytes.length, width: 1, height: 1, previewUrl: '/uploads/tok-1/preview' } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('uploadUrlFor', () => {
  it.each([
    ['https://api.example.vn/graphql', 'https://api.example.vn/uploads'],
    ['https://api.example.vn/graphql/', 'https://api.example.vn/uploads'],
    ['https://api.example.vn/paht/graphql', 'https://api.example.vn/paht/uploads'],
    ['/graphql', '/uploads'],
  ])('%s → %s', (endpoint, url) => expect(uploadUrlFor(endpoint)).toBe(url));
});

describe('client.upload', () => {
  it('streams the raw bytes with the tenant, file name and token, and reports progress up to the total', async () => {
    const client = createClient({ endpoint: `${base}/graphql`, tenant: 'quang-tri', token: 'staff-tok' });
    const body = bytes(300_000);
    const progress: Array<[number, number]> = [];
    const result = await client.upload(body, { fileName: 'ổ gà.png', mimeType: 'image/png', onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(result).toMatchObject({ __typename: 'UploadSuccess', upload: { id: 'tok-1', byteSize: 300_000 }, requestId: 'req-upload-1' });
    const last = received.at(-1)!;
    expect(Buffer.compare(last.bytes, Buffer.from(body))).toBe(0);
    expect(last.headers).toMatchObject({ 'x-tenant': 'quang-tri', 'x-file-name': encodeURIComponent('ổ gà.png'), 'content-type': 'image/png', authorization: 'Bearer staff-tok', 'content-length': '300000' });
    expect(progress[0]).toEqual([0, 300_000]);
    expect(progress.at(-1)).toEqual([300_000, 300_000]);
    expect(progress.length).toBeGreaterThan(4); // several 64 KiB chunks, not one jump
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('sends a Blob and an ArrayBuffer, taking the media type from the Blob', async () => {
    const client = createClient({ endpoint: `${base}/graphql`, tenant: 'quang-tri' });
    await client.upload(new Blob([bytes(1000)], { type: 'image/jpeg' }));
    expect(received.at(-1)!.headers['content-type']).toBe('image/jpeg');
    expect(received.at(-1)!.bytes.length).toBe(1000);
    expect(received.at(-1)!.headers['x-file-name']).toBeUndefined();
    await client.upload(bytes(10).buffer);
    expect(received.at(-1)!.headers['content-type']).toBe('application/octet-stream');
    expect(received.at(-1)!.bytes.length).toBe(10);
  });

  it('returns a refusal as a typed result', async () => {
    const client = createClient({ endpoint: `${base}/refuse/graphql`, tenant: 'quang-tri' });
    expect(await client.upload(bytes(10), { mimeType: 'text/plain' })).toEqual({
      __typename: 'UploadRefused',
      code: 'UNSUPPORTED_TYPE',
      message: 'Loại tệp không được hỗ trợ / Unsupported file type',
      statusCode: 415,
      requestId: 'req-upload-1',
    });
  });

  it('throws a ServerError with the request id on an unexpected answer, and a NetworkError when nobody answers', async () => {
    const broken = createClient({ endpoint: `${base}/broken/graphql`, tenant: 'quang-tri' });
    await expect(broken.upload(bytes(10))).rejects.toMatchObject({ name: 'ServerError', statusCode: 500, requestId: 'req-upload-1' });
    await expect(broken.upload(bytes(10))).rejects.toBeInstanceOf(ServerError);
    const nobody = createClient({ endpoint: 'http://127.0.0.1:1/graphql', tenant: 'quang-tri' });
    await expect(nobody.upload(bytes(10))).rejects.toMatchObject({ name: 'NetworkError', code: 'NETWORK_ERROR' });
  });

  it('aborts with a NetworkError of code ABORTED', async () => {
    const client = createClient({ endpoint: `${base}/slow/graphql`, tenant: 'quang-tri' });
    const controller = new AbortController();
    const pending = client.upload(bytes(10), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ABORTED' });
  });

  it('refuses what is not a file', async () => {
    const client = createClient({ endpoint: `${base}/graphql`, tenant: 'quang-tri' });
    await expect(client.upload('text' as never)).rejects.toThrow('must be a Blob, a Uint8Array or an ArrayBuffer');
  });
});
