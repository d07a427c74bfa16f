import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ERROR_CODES, LIVE_CLOSE_CODES } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { live, liveClient } from '../support/live-client.js';

// One registry of error codes (core's error-codes.ts) and one tenant
// lookup: every entry point names the same failure with the same code and
// the registry's status, over HTTP, Open311, uploads and WebSocket.

let tdb: TestDatabase;
let app: FastifyInstance;
let base: string;
let dir: string;

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  await createFixtureTenant(ctx, 'codes', 'CD');
  // Uploads "stored" under a regular file: every write fails unexpectedly.
  dir = await mkdtemp(join(tmpdir(), 'paht-error-codes-'));
  await writeFile(join(dir, 'not-a-directory'), '');
  app = await buildApp({ core: ctx, uploadsDir: join(dir, 'not-a-directory'), rateLimits: false });
  // Routes that fail the way a bug would, with a message that must not reach the client.
  const bug = () => {
    throw new Error('connect ECONNREFUSED 10.0.0.5:5432 (secret detail)');
  };
  app.get('/boom', bug);
  app.get('/graphql/boom', bug);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  await rm(dir, { recursive: true, force: true });
});

const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).png().toBuffer();

describe('error codes, one registry for every entry point', () => {
  it('masks an unexpected upload failure as INTERNAL_SERVER_ERROR with a request id, like GraphQL', async () => {
    const response = await fetch(`${base}/uploads`, { method: 'POST', headers: { 'x-tenant': 'codes', 'content-type': 'image/png' }, body: new Uint8Array(await png()) });
    const body = (await response.json()) as { error: { code: string; message: string; requestId?: string } };
    expect(response.status).toBe(ERROR_CODES.INTERNAL_SERVER_ERROR.status);
    expect(body.error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
    expect(body.error.message).not.toMatch(/ENOTDIR|not-a-directory/);
  });

  it('masks an unexpected failure of any other route the same way, in the route’s shape', async () => {
    for (const [path, shape] of [['/boom', 'error'], ['/graphql/boom', 'errors']] as const) {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      expect(response.status, path).toBe(500);
      expect(text, path).not.toMatch(/ECONNREFUSED|secret detail/);
      const body = JSON.parse(text) as { error?: { code: string; requestId: string }; errors?: { extensions: { code: string; requestId: string } }[] };
      const error = shape === 'error' ? body.error : body.errors?.[0]?.extensions;
      expect(error, path).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    }
  });

  it('leaves Fastify’s own refusals (unreadable JSON) as they were: 400', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'x-tenant': 'codes', 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
  });

  it('names an unknown tenant TENANT_NOT_FOUND with the registry’s status on GraphQL and uploads, 404 on Open311', async () => {
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'x-tenant': 'nowhere', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(ERROR_CODES.TENANT_NOT_FOUND.status);
    expect(((await graphql.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('TENANT_NOT_FOUND');

    const upload = await fetch(`${base}/uploads`, { method: 'POST', headers: { 'x-tenant': 'nowhere', 'content-type': 'image/png' }, body: new Uint8Array(await png()) });
    expect(upload.status).toBe(ERROR_CODES.TENANT_NOT_FOUND.status);
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('TENANT_NOT_FOUND');

    const open311 = await fetch(`${base}/open311/v2/services.json?jurisdiction_id=nowhere`);
    expect(open311.status).toBe(ERROR_CODES.NOT_FOUND.status);
    expect(((await open311.json()) as { code: number }[])[0]!.code).toBe(404);
  });

  it('closes a live connection to an unknown tenant with TENANT_NOT_FOUND’s close code, 4404', async () => {
    expect(LIVE_CLOSE_CODES.TENANT_NOT_FOUND).toBe(4404);
    const client = liveClient(base, { tenant: 'nowhere' });
    try {
      const failure = await live(client, 'subscription { iocInbox { reportId } }').failure();
      expect(failure).toMatchObject({ code: LIVE_CLOSE_CODES.TENANT_NOT_FOUND });
    } finally {
      await client.dispose();
    }
  });
});
