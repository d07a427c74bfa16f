import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { serverAudits, type AuditResult } from 'graphql-http';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// The GraphQL over HTTP spec's own audits (graphql-http), run against the
// real app. Every MUST passes; the SHOULD/MAY warnings that stay are listed,
// each with its reason, in docs/api/graphql-over-http.md.

/**
 * The warnings we keep on purpose, by audit id; docs/api/graphql-over-http.md
 * says why. All three: a client accepting only `application/json` gets 400,
 * not 200, for a document that does not parse or validate or for variables
 * that do not coerce (Apollo Server's choice; 400 is what the spec requires
 * with `application/graphql-response+json`, which our SDK asks for).
 */
const ACCEPTED_WARNINGS = ['572B', 'FDE2', '7B9B'];
const NOTES = fileURLToPath(new URL('../../../../docs/api/graphql-over-http.md', import.meta.url));

let tdb: TestDatabase;
let app: FastifyInstance;
let results: AuditResult[];
let base: string;
let fetchFn: typeof fetch;

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  await createFixtureTenant(ctx, 'audit', 'AU');
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The audits build their own requests; the tenant travels in a header added to each.
  fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('x-tenant', 'audit');
    return fetch(input, { ...init, headers });
  };
  results = await Promise.all(serverAudits({ url: `${base}/graphql`, fetchFn }).map((audit) => audit.fn()));
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const failed = (status: 'error' | 'warn' | 'notice') =>
  results.filter((r): r is Extract<AuditResult, { reason: string }> => r.status === status);

describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  it('passes every MUST audit', () => {
    const errors = failed('error').map((r) => `${r.id} ${r.name}: ${r.reason}`);
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });

  it('has no warnings besides the documented ones', () => {
    const warnings = failed('warn');
    console.info(
      `graphql-http audits: ${results.filter((r) => r.status === 'ok').length} ok, ${warnings.length} warnings, ${failed('notice').length} notices\n` +
        [...warnings, ...failed('notice')].map((r) => `  [${r.status}] ${r.id} ${r.name}\n      ${r.reason}`).join('\n'),
    );
    expect(warnings.map((r) => r.id).sort()).toEqual([...ACCEPTED_WARNINGS].sort());
  });

  it('would fail a server that breaks the spec (control: the audits against /healthz)', async () => {
    const control = await Promise.all(serverAudits({ url: `${base}/healthz`, fetchFn }).map((audit) => audit.fn()));
    expect(control.filter((r) => r.status === 'error').length).toBeGreaterThan(5);
  });

  it('explains every accepted warning in docs/api/graphql-over-http.md', async () => {
    const notes = await readFile(NOTES, 'utf8');
    for (const id of ACCEPTED_WARNINGS) expect(notes, `audit ${id} is not explained`).toContain(`\`${id}\``);
  });
});
