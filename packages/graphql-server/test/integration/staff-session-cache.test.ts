import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, withTenant, type CoreContext, type Database } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { forgetStaff, STAFF_STATE_TTL_MS, staffSession } from '../../src/auth/current-staff.js';
import { issueStaffToken, STAFF_TOKEN_TTL_SECONDS } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// A signed-in request checks its token's signature once per process and
// reads the account at most every STAFF_STATE_TTL_MS (src/auth). Neither
// may outlive what they stand for: a deactivated account is refused on its
// next request, a change made by another process applies within the TTL, an
// expired token is refused though it was checked before. Over real HTTP.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const SLUG = 'phien-cb';
const WORK_LIST = 'query { reports(first: 1) { __typename } }';
const ACCOUNTS = 'query { staffAccounts { __typename } }';
const SET_ACTIVE = 'mutation A($id: ID!, $active: Boolean!) { setStaffAccountActive(id: $id, active: $active) { __typename ... on StaffAccount { active } } }';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
let adminToken: string;

interface Answer {
  data?: Record<string, { __typename: string } & Record<string, unknown>>;
  errors?: Array<{ extensions?: { code?: string } }>;
}

async function post(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': SLUG, authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** The root field's type name, or the request-level error code (UNAUTHENTICATED). */
async function outcome(query: string, token: string): Promise<string> {
  const answer = await post(query, token);
  return answer.errors?.[0]?.extensions?.code ?? Object.values(answer.data ?? {})[0]?.__typename ?? 'nothing';
}

const tokenOf = async (userId: string, role: 'IOC_OPERATOR' | 'LEADER' | 'TENANT_ADMIN', unitId: string | null = null) =>
  (await issueStaffToken(ctx.secretKey, { userId, tenantId: t.tenantId, role, unitId }, ctx.now())).token;

const setInDatabase = (userId: string, data: { active?: boolean; role?: 'LEADER' | 'TENANT_ADMIN' }) =>
  withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.update({ where: { id: userId }, data }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  app = await buildApp({ core: ctx, rateLimits: false, redisUrl: null });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  t = await createFixtureTenant(ctx, SLUG, 'PC');
  adminToken = await tokenOf(actorId(t.admin)!, 'TENANT_ADMIN');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a signed-in staff member, kept per process', () => {
  it('is refused on the very next request once deactivated, though the token was checked and the account read just before', async () => {
    const operator = actorId(t.operator)!;
    const token = await tokenOf(operator, 'IOC_OPERATOR', t.iocUnitId);
    expect(await outcome(WORK_LIST, token)).toBe('ReportConnection');
    expect(await outcome(WORK_LIST, token)).toBe('ReportConnection');

    expect((await post(SET_ACTIVE, adminToken, { id: operator, active: false })).data?.setStaffAccountActive).toEqual({ __typename: 'StaffAccount', active: false });
    expect(await outcome(WORK_LIST, token)).toBe('UNAUTHENTICATED');

    expect((await post(SET_ACTIVE, adminToken, { id: operator, active: true })).data?.setStaffAccountActive).toEqual({ __typename: 'StaffAccount', active: true });
    expect(await outcome(WORK_LIST, token)).toBe('ReportConnection');
  });

  it('follows a deactivation and a new role made by another process (in the database) within STAFF_STATE_TTL_MS', async () => {
    const leader = actorId(t.leader)!;
    const officer = actorId(t.roadsOfficer)!;
    const leaderToken = await tokenOf(leader, 'LEADER');
    const officerToken = (await issueStaffToken(ctx.secretKey, { userId: officer, tenantId: t.tenantId, role: 'UNIT_OFFICER', unitId: t.roadsUnitId }, ctx.now())).token;
    expect(await outcome(ACCOUNTS, leaderToken)).toBe('ForbiddenError');
    expect(await outcome(WORK_LIST, officerToken)).toBe('ReportConnection');

    await setInDatabase(leader, { role: 'TENANT_ADMIN' });
    await setInDatabase(officer, { active: false });
    await new Promise((r) => setTimeout(r, STAFF_STATE_TTL_MS + 100));
    // The role is the account's, not the token's (which still says LEADER).
    expect(await outcome(ACCOUNTS, leaderToken)).toBe('StaffAccountsSuccess');
    expect(await outcome(WORK_LIST, officerToken)).toBe('UNAUTHENTICATED');
    await setInDatabase(leader, { role: 'LEADER' });
    await setInDatabase(officer, { active: true });
  });

  it('is refused once the token expired, though its signature was checked before', async () => {
    const token = await tokenOf(actorId(t.operator)!, 'IOC_OPERATOR', t.iocUnitId);
    expect(await outcome(WORK_LIST, token)).toBe('ReportConnection');
    ctx.advance(STAFF_TOKEN_TTL_SECONDS * 1000);
    try {
      expect(await outcome(WORK_LIST, token)).toBe('UNAUTHENTICATED');
    } finally {
      ctx.setNow(MONDAY_9AM);
    }
    // A token for another tenant is refused too (its claims, kept or not, name the other tenant).
    const stranger = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.operator)!, tenantId: crypto.randomUUID(), role: 'IOC_OPERATOR', unitId: null }, ctx.now())).token;
    expect(await outcome(WORK_LIST, stranger)).toBe('UNAUTHENTICATED');
    expect(await outcome(WORK_LIST, stranger)).toBe('UNAUTHENTICATED');
  });

  it('reads the account once for requests that arrive together, and again after forgetStaff', async () => {
    let transactions = 0;
    const prisma = new Proxy(ctx.db.prisma, {
      get(target, property) {
        if (property === '$transaction') transactions += 1;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const db: Database = Object.create(ctx.db, { prisma: { value: prisma } });
    const core: CoreContext = { ...ctx, db };
    const userId = actorId(t.admin)!;
    const sessions = await Promise.all(Array.from({ length: 20 }, () => staffSession(core, adminToken, t.tenantId)));
    expect(sessions.every((s) => s?.actor?.role === 'TENANT_ADMIN')).toBe(true);
    expect(transactions).toBe(1);
    forgetStaff(core, t.tenantId, userId);
    await Promise.all([staffSession(core, adminToken, t.tenantId), staffSession(core, adminToken, t.tenantId)]);
    expect(transactions).toBe(2);
  });
});
