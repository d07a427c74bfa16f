// `pnpm start` with NODE_ENV=production, as the real process: it refuses to
// start without the instance secret, serves an empty instance (no demo
// tenant) with it, and its banner and logs name what is configured but never
// a secret.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SECRET = 'production-secret-key-never-printed-0123456789';
const OPERATOR_TOKEN = 'operator-token-never-printed-0123456789abcdef';

let tdb: TestDatabase | null = null;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paht-production-'));
  // PostgreSQL: a fresh database of the run's server; PGlite: a fresh folder.
  if (testEngine() === 'postgres') tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
  /** Resolves with the base URL once the banner is printed. */
  ready: Promise<string>;
}

/** `pnpm start`'s command line with only the given environment (no inherited DATABASE_URL or secrets). */
function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--conditions=@paht/source', '--import', 'tsx', 'packages/graphql-server/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      ...(tdb ? { DATABASE_URL: tdb.url! } : { DATA_DIR: dataDir }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /Health\s+(http:\/\/\S+)\/healthz/.exec(out)?.[1];
      // The banner's last part: the demo tenants, or the word that there are none.
      if (url && (out.includes('No demo tenants') || out.includes('Embedding the widgets'))) resolve(url);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  ready.catch(() => undefined);
  return {
    output: () => out,
    exited,
    ready,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// Each test boots the real server from its sources (tsx), the last one on a new PGlite too (its
// initdb, then the migrations): ~10 s on a quiet machine, 50 s and more under other load, where
// the default 60 s was too tight (docs/testing.md).
describe('NODE_ENV=production', { timeout: 180_000 }, () => {
  it('refuses to start without PAHT_SECRET_KEY, saying so, with a non-zero exit code', async () => {
    const server = start({});
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toContain('Refusing to start in production');
    expect(server.output()).toContain('PAHT_SECRET_KEY is not set');
  });

  it('refuses a secret key shorter than 32 characters', async () => {
    const server = start({ PAHT_SECRET_KEY: 'too-short' });
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toContain('PAHT_SECRET_KEY is shorter than 32 characters');
    expect(server.output()).not.toContain('too-short');
  });

  it('with the secret and without PAHT_DEMO serves an empty instance; the banner names the configuration and no secret', async () => {
    const server = start({ PAHT_SECRET_KEY: SECRET, PAHT_OPERATOR_TOKEN: OPERATOR_TOKEN, PAHT_CORS_ORIGINS: 'https://portal.example.gov.vn' });
    try {
      const base = await server.ready;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const banner = server.output();
      expect(banner).toContain('Tenants: 0');
      expect(banner).toContain('Redis: no');
      expect(banner).toContain('Operator API: on');
      expect(banner).toContain('https://portal.example.gov.vn');
      expect(banner).toContain(testEngine() === 'postgres' ? 'PostgreSQL (' : 'PGlite (');
      expect(banner).toContain('pnpm tenant:create');
      // No demo tenant: the demo slug is unknown.
      const demo = await fetch(`${base}/graphql?tenant=quang-tri`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ categories { code } }' }),
      });
      expect(((await demo.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('TENANT_NOT_FOUND');
      // The operator API creates the first tenant; its one-time password is in the answer only, never in the logs.
      const created = await fetch(`${base}/operator/tenants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
        body: JSON.stringify({
          tenant: { slug: 'ha-tinh', name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh Province', kind: 'PROVINCE', provinceCode: '42', trackingPrefix: 'HT' },
          admin: { email: 'admin@hatinh.gov.vn', fullName: 'Quản Trị' },
        }),
      });
      expect(created.status).toBe(201);
      const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
      const output = server.output();
      for (const secret of [SECRET, OPERATOR_TOKEN, oneTimePassword, ...(tdb ? [new URL(tdb.url!).password].filter(Boolean) : [])]) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/password:/i);
    } finally {
      await server.stop();
    }
  });
});
