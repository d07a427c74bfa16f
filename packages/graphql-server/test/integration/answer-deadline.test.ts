import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { acceptReport, assignReport, classifyReport, createClient, getReport, type PahtClient } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Friday 2026-03-06 16:00 in Vietnam (UTC+7): the classification deadline
// falls on the next working day, long before any unit has the report.
const FRIDAY_4PM = new Date('2026-03-06T09:00:00Z');
// Monday 2026-03-09 08:00 in Vietnam.
const MONDAY_8AM = new Date('2026-03-09T01:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let citizen: PahtClient;
let base: string;
let operator: PahtClient;
let officer: PahtClient;

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'deadline' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return client.withToken(result.token);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, FRIDAY_4PM);
  t = await createFixtureTenant(ctx, 'deadline', 'DL');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'deadline' });
});

/** Moves the test clock, and signs staff in again (their tokens last hours, not days). */
async function at(now: Date): Promise<void> {
  ctx.setNow(now);
  operator = await signedIn('ioc@example.gov.vn');
  officer = await signedIn('officer@example.gov.vn');
}

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('Report.answerDueAt: the date the unit must answer the citizen by', () => {
  it('is null until the report is assigned, then the resolution deadline of its SLA, in every view', async () => {
    await at(FRIDAY_4PM);
    const filed = await citizen.submitReport({
      title: 'Đèn đường hỏng',
      description: 'Ba bóng đèn đường trước trường tiểu học không sáng từ tuần trước.',
      channel: 'WEB',
      address: '12 Lê Lợi, Đông Hà',
      reporter: { phone: '0912 345 678' },
    });
    if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
    const views = async () => {
      const mine = await citizen.trackReport(filed.trackingCode, filed.secret);
      const anyone = await citizen.trackReport(filed.trackingCode);
      const staff = await getReport(operator, filed.id);
      if (mine.__typename !== 'TrackedReport' || anyone.__typename !== 'TrackedReport' || staff.__typename !== 'Report') throw new Error('not found');
      return { mine: mine.report, anyone: anyone.report, staff };
    };

    // Right after submission: an internal classification deadline exists, no answer deadline.
    let v = await views();
    expect(v.mine.dueAt).not.toBeNull();
    expect([v.mine.answerDueAt, v.anyone.answerDueAt, v.staff.answerDueAt]).toEqual([null, null, null]);

    await at(new Date(FRIDAY_4PM.getTime() + 3_600_000));
    expect(await classifyReport(operator, { id: filed.id, categoryId: t.roadsCategoryId })).toMatchObject({ status: 'CLASSIFIED' });
    v = await views();
    expect([v.mine.answerDueAt, v.anyone.answerDueAt, v.staff.answerDueAt]).toEqual([null, null, null]);

    // Assigned Monday 08:00: 5 working days (2,250 working minutes) from the assignment → next Monday 08:00.
    await at(MONDAY_8AM);
    expect(await assignReport(operator, { id: filed.id, unitId: t.roadsUnitId })).toMatchObject({ status: 'ASSIGNED' });
    v = await views();
    const answerBy = '2026-03-16T01:00:00.000Z';
    expect([v.mine.answerDueAt, v.anyone.answerDueAt, v.staff.answerDueAt]).toEqual([answerBy, answerBy, answerBy]);
    // The running stage is the acceptance, with its own, earlier deadline: not what the citizen is told.
    expect(v.staff.sla?.stage).toBe('ACCEPT');
    expect(v.staff.dueAt).not.toBe(answerBy);

    // Once accepted, the running stage is the resolution, and its deadline is the same date.
    await at(new Date(MONDAY_8AM.getTime() + 3_600_000));
    expect(await acceptReport(officer, { id: filed.id })).toMatchObject({ status: 'ACCEPTED' });
    v = await views();
    expect(v.staff.sla).toMatchObject({ stage: 'RESOLVE', dueAt: answerBy });
    expect([v.mine.answerDueAt, v.anyone.answerDueAt, v.staff.answerDueAt]).toEqual([answerBy, answerBy, answerBy]);
  });
});
