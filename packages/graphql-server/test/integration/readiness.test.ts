import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreContext, openDatabase, type Database } from '@paht/core';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testContext, TEST_SECRET_KEY, type TestDatabase } from '../../../core/test/support/test-database.js';
import { freePort, startRedisServer, type TestRedis } from '../support/redis-server.js';

// Liveness and readiness over real HTTP: /readyz asks the real database and
// a real Redis, answers 503 (within its timeout) when either is gone or
// silent, and says nothing but which check failed.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const TIMEOUT_MS = 400;

let tdb: TestDatabase;
const apps: FastifyInstance[] = [];
const closers: Array<() => Promise<unknown>> = [];

async function start(options: Partial<BuildAppOptions>): Promise<string> {
  const app = await buildApp({ core: testContext(tdb.db, MONDAY_9AM), redisUrl: null, rateLimits: false, readinessTimeoutMs: TIMEOUT_MS, ...options });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function ready(base: string): Promise<{ status: number; body: Record<string, unknown>; ms: number; cacheControl: string | null }> {
  const started = Date.now();
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started, cacheControl: response.headers.get('cache-control') };
}

beforeAll(async () => {
  tdb = await openTestDatabase();
});

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const close of closers) await close();
  await tdb?.close();
});

describe('/readyz', () => {
  it('is ready when the database answers, Redis not configured', async () => {
    const base = await start({});
    const answer = await ready(base);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not-configured' } });
    expect(answer.cacheControl).toBe('no-store');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  describe('with Redis', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedisServer();
    });

    it('checks Redis, and is unavailable (503, in about its timeout) once Redis is gone while /healthz stays alive', async () => {
      const base = await start({ redisUrl: redis.url });
      expect(await ready(base)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok' } } });
      await redis.stop();
      const answer = await ready(base);
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('unavailable');
      expect(answer.body.checks).toMatchObject({ database: 'ok' });
      expect(['failed', 'timeout']).toContain((answer.body.checks as Record<string, string>).redis);
      expect(answer.ms).toBeLessThan(TIMEOUT_MS + 2000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  });

  describe('when the database is away', () => {
    /** An app on its own core whose database is at `url` (no migrations: only /readyz is asked). */
    async function appOn(url: string): Promise<FastifyInstance> {
      const db: Database = await openDatabase({ url, poolSize: 2 });
      closers.push(() => db.close().catch(() => undefined));
      const app = await buildApp({ core: createCoreContext(db, { secretKey: TEST_SECRET_KEY }), redisUrl: null, rateLimits: false, readinessTimeoutMs: TIMEOUT_MS, jobs: { schedule: false, workers: false } });
      apps.push(app);
      await app.ready();
      return app;
    }

    it('answers 503 "failed" when nothing listens where the database should be, with no detail of the failure', async () => {
      const app = await appOn(`postgresql://paht@127.0.0.1:${await freePort()}/paht`);
      const answer = await app.inject({ method: 'GET', url: '/readyz' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ status: 'unavailable', checks: { database: 'failed', redis: 'not-configured' } });
      expect(answer.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|paht@/);
    });

    it('answers 503 "timeout" within its timeout when the database accepts connections and never answers', async () => {
      const sockets: Socket[] = [];
      const silent: Server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      closers.push(async () => {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => silent.close(resolve));
      });
      const app = await appOn(`postgresql://paht@127.0.0.1:${(silent.address() as AddressInfo).port}/paht`);
      const started = Date.now();
      const answer = await app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ status: 'unavailable', checks: { database: 'timeout', redis: 'not-configured' } });
    });
  });
});
