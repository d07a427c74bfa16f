// What OpenTelemetry costs a request: the same public GraphQL query, in
// process (app.inject, one at a time), with telemetry off and on (spans and
// metrics exported over OTLP to a local receiver that discards them),
// alternated. Prints milliseconds per request; asserts nothing.
// node --conditions=@paht/source --import tsx packages/graphql-server/bench/telemetry-overhead.ts [requests]
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@paht/core';
import { createFixtureTenant } from '../../core/test/support/fixture-tenant.js';
import { testContext } from '../../core/test/support/test-database.js';
import { buildApp } from '../src/app.js';
import { startTelemetry } from '../src/telemetry/index.js';

const requests = Number(process.argv[2] ?? 1000);
const receiver = createServer((request, response) => request.resume().on('end', () => response.writeHead(200).end('{}')));
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const dir = await mkdtemp(join(tmpdir(), 'paht-otel-bench-'));
const db = await openDatabase({ dataDir: dir });
await migrate(db);
const core = testContext(db, new Date('2026-03-02T02:00:00Z'));
await createFixtureTenant(core, 'bench-otel', 'BO');
const body = JSON.stringify({ query: 'query Categories { categories { id name } }', operationName: 'Categories' });

async function perRequest(on: boolean): Promise<number> {
  const telemetry = on ? await startTelemetry() : null;
  const app = await buildApp({ core, redisUrl: null, rateLimits: false, jobs: { schedule: false } });
  const ask = () => app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-tenant': 'bench-otel' }, payload: body });
  for (let i = 0; i < 100; i++) await ask();
  const started = performance.now();
  for (let i = 0; i < requests; i++) await ask();
  const ms = (performance.now() - started) / requests;
  await app.close();
  await telemetry?.shutdown();
  return ms;
}

for (const on of [false, true, false, true]) console.log(`telemetry ${on ? 'on ' : 'off'}: ${(await perRequest(on)).toFixed(3)} ms per request (${requests} requests)`);
await db.close();
await rm(dir, { recursive: true, force: true });
receiver.close();
