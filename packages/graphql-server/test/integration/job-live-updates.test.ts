import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient as createHttpClient } from '@paht/client-sdk';
import type { Client } from 'graphql-ws';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { reportEventsOf } from '../../src/live/live-registry.js';
import { staffInboxBusOf } from '../../src/live/staff-inbox-bus.js';
import { live, liveClient, type Live } from '../support/live-client.js';
import { AFTER_AUTO_CLOSE_MS, publishedReport, REPORTER, REPORTER_CONTACT } from '../support/published-report.js';

// A step the deadline job takes (auto-close's CLOSE of a report left
// unrated) reaches live subscribers as a mutation's does: the citizen
// following the report, the IOC inbox of its tenant and no other tenant's,
// and the public answer cache. One server process here (no Redis); across
// processes: cross-process-changes.test.ts.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const REPORT_STATUS = `subscription S($code: String!, $secret: String!) {
  reportStatus(trackingCode: $code, secret: $secret) { status entry { seq type status } }
}`;
const IOC_INBOX = 'subscription { iocInbox { reportId trackingCode type seq status } }';
const TRACK = 'query Track($code: String!) { trackReport(trackingCode: $code) { ... on TrackedReport { report { status } } } }';

interface StatusUpdate {
  reportStatus: { status: string; entry: { seq: number; type: string; status: string } };
}
interface InboxItem {
  iocInbox: { reportId: string; trackingCode: string; type: string; seq: number; status: string };
}
type Followed = Awaited<ReturnType<typeof publishedReport>>;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let app: FastifyInstance;
let base: string;
const logLines: string[] = [];
const published: unknown[] = [];
const clients: Client[] = [];
const unlisten: Array<() => void> = [];

async function signIn(slug: string): Promise<string> {
  const result = await createHttpClient({ endpoint: `${base}/graphql`, tenant: slug }).signIn('ioc@example.gov.vn', PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return result.token;
}

/** The IOC inbox of `slug`, listening once this resolves (a later subscription's first item on the same connection says so). */
async function iocInbox(slug: string, probe: Followed): Promise<Live<InboxItem>> {
  const client = liveClient(base, { tenant: slug, authorization: `Bearer ${await signIn(slug)}` });
  clients.push(client);
  const inbox = live<InboxItem>(client, IOC_INBOX);
  const status = live<StatusUpdate>(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret });
  await status.next();
  await status.stop();
  return inbox;
}

async function track(slug: string, code: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': slug },
    body: JSON.stringify({ query: TRACK, variables: { code } }),
  });
  return ((await response.json()) as { data: { trackReport: { report: { status: string } } } }).data.trackReport.report.status;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'jobs-live', 'JL');
  other = await createFixtureTenant(ctx, 'jobs-other', 'JO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const f of [t, other]) await withTenant(ctx.db, f.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null, logger: true, logStream: { write: (line) => void logLines.push(line) }, jobs: { schedule: false } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // Every message the buses carry, to look for contact data in them.
  for (const f of [t, other]) {
    unlisten.push(reportEventsOf(ctx).listen(f.tenantId, (m) => void published.push(m)));
    unlisten.push(staffInboxBusOf(ctx).listen(f.tenantId, (m) => void published.push(m)));
  }
});

afterAll(async () => {
  for (const stop of unlisten) stop();
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  await app?.close();
  await tdb?.close();
});

describe('the auto-close job', () => {
  it('is seen live by the citizen following the report and by its own tenant’s IOC inbox only, and by the public cache', { timeout: 30_000 }, async () => {
    const mine = await publishedReport(ctx, t);
    const theirs = await publishedReport(ctx, other);

    // Later, by the time the answer has waited unrated: the staff below sign in then (a token of the publication day would have expired).
    ctx.setNow(new Date(MONDAY_9AM.getTime() + AFTER_AUTO_CLOSE_MS));
    const citizenClient = liveClient(base, { tenant: 'jobs-live' });
    clients.push(citizenClient);
    const status = live<StatusUpdate>(citizenClient, REPORT_STATUS, { code: mine.trackingCode, secret: mine.secret });
    expect((await status.next()).reportStatus).toMatchObject({ status: 'PUBLISHED', entry: { seq: 6, type: 'PUBLISH' } });
    const [inbox, otherInbox] = await Promise.all([iocInbox('jobs-live', mine), iocInbox('jobs-other', theirs)]);
    // The tracker read twice: the second answer comes from the public cache.
    for (let i = 0; i < 2; i++) expect(await track('jobs-live', mine.trackingCode)).toBe('PUBLISHED');

    const run = await app.jobs.runNow('auto-close');
    expect(run.closed.map((c) => c.reportId).sort()).toEqual([mine.id, theirs.id].sort());

    expect((await status.next()).reportStatus).toEqual({ status: 'CLOSED', entry: { seq: 7, type: 'CLOSE', status: 'CLOSED' } });
    expect((await inbox.next()).iocInbox).toEqual({ reportId: mine.id, trackingCode: mine.trackingCode, type: 'CLOSE', seq: 7, status: 'CLOSED' });
    expect((await otherInbox.next()).iocInbox).toEqual({ reportId: theirs.id, trackingCode: theirs.trackingCode, type: 'CLOSE', seq: 7, status: 'CLOSED' });
    expect(await track('jobs-live', mine.trackingCode)).toBe('CLOSED');

    // A new report in each tenant: the next item of each inbox is its own tenant's, so the other tenant's close never came.
    for (const [slug, stream] of [['jobs-live', inbox], ['jobs-other', otherInbox]] as const) {
      const next = await createHttpClient({ endpoint: `${base}/graphql`, tenant: slug }).submitReport({
        title: 'Cống thoát nước bị tắc gây ngập',
        description: 'Nước ngập nửa bánh xe sau mỗi trận mưa, cống bị rác lấp kín.',
        address: '3 Hùng Vương, Đông Hà',
        reporter: { phone: REPORTER.phone },
      });
      if (next.__typename !== 'SubmitReportSuccess') throw new Error(next.message);
      expect((await stream.next()).iocInbox).toMatchObject({ reportId: next.id, type: 'SUBMIT' });
    }

    // Nothing the buses carried, and no log line, holds the reporter's contact.
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(published)).not.toMatch(REPORTER_CONTACT);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => REPORTER_CONTACT.test(line))).toEqual([]);
    await Promise.all([status.stop(), inbox.stop(), otherInbox.stop()]);
  });
});
