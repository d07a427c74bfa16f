import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_READ_ACTION, DomainError, getReportForStaff, openDatabase, readReporterContact, submitReport, withTenant, withTenantSql } from '@paht/core';
import { Prisma } from '../../src/generated/prisma/client.js';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;

const report = (title: string) => ({
  title,
  description: 'Mô tả đủ dài cho một phản ánh thử nghiệm.',
  address: 'Đông Hà',
  reporter: { phone: '0912345678' },
});

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  a = await createFixtureTenant(ctx, 'tenant-a', 'TA');
  b = await createFixtureTenant(ctx, 'tenant-b', 'TB');
  for (const title of ['Phản ánh A1', 'Phản ánh A2']) await submitReport(ctx, a.tenantId, report(title));
  for (const title of ['Phản ánh B1', 'Phản ánh B2', 'Phản ánh B3']) await submitReport(ctx, b.tenantId, report(title));
});
afterAll(async () => tdb?.close());

/** Whether an error is PostgreSQL's row-level-security refusal (42501), as Prisma reports it. */
const isRlsRefusal = (e: unknown) => /42501|row-level security|permission denied/i.test(JSON.stringify(e, Object.getOwnPropertyNames(e)) + String(e));

describe('row-level security when the application forgets its tenant filter', () => {
  it('reads only the current tenant’s rows from every tenant-owned table', async () => {
    const seen = await withTenant(ctx.db, a.tenantId, async (tx) => ({
      reports: (await tx.report.findMany()).map((r) => r.title).sort(),
      contacts: await tx.reporterContact.count(),
      events: await tx.reportEvent.count(),
      units: await tx.unit.count(),
      categories: await tx.category.count(),
      staff: await tx.staffUser.count(),
      raw: await tx.$queryRaw<Array<{ n: bigint }>>`SELECT COUNT(*) AS n FROM reports`,
    }));
    expect(seen.reports).toEqual(['Phản ánh A1', 'Phản ánh A2']);
    expect(seen.contacts).toBe(2);
    expect(seen.events).toBe(2);
    expect(seen.units).toBe(3);
    expect(seen.categories).toBe(2);
    expect(seen.staff).toBe(6);
    expect(Number(seen.raw[0]?.n)).toBe(2);
  });

  it('updates and deletes nothing of another tenant', async () => {
    const bReport = await withTenant(ctx.db, b.tenantId, (tx) => tx.report.findFirstOrThrow());
    const updated = await withTenant(ctx.db, a.tenantId, (tx) => tx.report.updateMany({ data: { address: 'sửa' } }));
    expect(updated.count).toBe(2);
    const deleted = await withTenant(ctx.db, a.tenantId, (tx) => tx.reporterContact.deleteMany({ where: { reportId: bReport.id } }));
    expect(deleted.count).toBe(0);
    const bAfter = await withTenant(ctx.db, b.tenantId, (tx) => tx.report.findMany());
    expect(bAfter.every((r) => r.address === 'Đông Hà')).toBe(true);
    expect(await withTenant(ctx.db, b.tenantId, (tx) => tx.reporterContact.count())).toBe(3);
  });

  it('opens no reporter contact of another tenant: NOT_FOUND, and no audit row in either tenant', async () => {
    const bReport = await withTenant(ctx.db, b.tenantId, (tx) => tx.report.findFirstOrThrow());
    const error = await readReporterContact(ctx, a.tenantId, a.operator, bReport.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
    expect(JSON.stringify(error) + String(error)).not.toContain('0912345678');
    for (const tenantId of [a.tenantId, b.tenantId]) {
      expect(await withTenant(ctx.db, tenantId, (tx) => tx.auditEntry.count({ where: { action: CONTACT_READ_ACTION } }))).toBe(0);
    }
    // Under row-level security the contact row itself is invisible from tenant A.
    expect(await withTenant(ctx.db, a.tenantId, (tx) => tx.reporterContact.findUnique({ where: { reportId: bReport.id } }))).toBeNull();
  });

  it('shows staff no report of another tenant: NOT_FOUND for its id, its own report for the other tenant’s staff', async () => {
    const bReport = await withTenant(ctx.db, b.tenantId, (tx) => tx.report.findFirstOrThrow());
    const error = await getReportForStaff(ctx, a.tenantId, a.operator, bReport.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
    expect((await getReportForStaff(ctx, b.tenantId, b.operator, bReport.id)).trackingCode).toBe(bReport.trackingCode);
  });

  it('refuses to write a row into another tenant', async () => {
    const error = await withTenant(ctx.db, a.tenantId, (tx) =>
      tx.unit.create({ data: { tenantId: b.tenantId, code: 'INTRUDER', name: 'x', kind: 'AGENCY' } }),
    ).catch((e: unknown) => e);
    expect(isRlsRefusal(error)).toBe(true);
    const moved = await withTenant(ctx.db, a.tenantId, (tx) =>
      tx.unit.updateMany({ where: { code: 'SGTVT' }, data: { tenantId: b.tenantId } }),
    ).catch((e: unknown) => e);
    expect(isRlsRefusal(moved)).toBe(true);
    expect(await withTenant(ctx.db, b.tenantId, (tx) => tx.unit.count())).toBe(3);
  });

  it('shows nothing to the application role when no tenant is set', async () => {
    const rows = await ctx.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL ROLE paht_app');
      return tx.$queryRaw<Array<{ n: bigint }>>`SELECT COUNT(*) AS n FROM reports`;
    });
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('does not carry a tenant over to the next transaction on the same connection', async () => {
    await withTenant(ctx.db, a.tenantId, (tx) => tx.report.count());
    const leaked = await ctx.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL ROLE paht_app');
      return tx.$queryRaw<Array<{ tenant: string | null }>>`SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant`;
    });
    expect(leaked[0]?.tenant).toBeNull();
  });

  it('has row-level security enabled and forced on every table with a tenant_id', async () => {
    const tables = await ctx.db.query<{ relname: string; rls: boolean; forced: boolean }>(`
      SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM information_schema.columns col
                      WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'tenant_id')
       ORDER BY 1`);
    expect(tables.map((t) => t.relname)).toEqual([
      'api_keys', 'attachments', 'audit_entries', 'calendar_days', 'categories', 'focal_points', 'indicator_form_drafts', 'indicator_form_items', 'indicator_form_reminders', 'indicator_form_submissions', 'indicator_form_versions', 'indicator_forms', 'indicator_unit_targets', 'indicator_value_revisions', 'indicator_values', 'indicators', 'kpi_daily_handling', 'kpi_daily_rollups', 'kpi_monthly_handling', 'kpi_report_facts',
      'notification_outbox', 'report_events', 'report_supporters', 'reporter_contacts', 'reports', 'sla_policies', 'staff_notifications', 'staff_users', 'units',
    ]);
    expect(tables.filter((t) => !t.rls || !t.forced)).toEqual([]);
  });
});

describe('withTenantSql, the lean tenant transaction on the driver', () => {
  const count = (tenantId: string) =>
    withTenantSql(ctx.db, tenantId, async (sql) => {
      const [row] = await sql.query<{ reports: number; contacts: number; who: string; tenant: string }>(
        Prisma.sql`SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM reporter_contacts) AS contacts,
                          current_user AS who, current_setting('app.tenant_id') AS tenant`,
      );
      return row!;
    });

  it('reads only the tenant’s rows, as the application role, with no tenant filter in the query', async () => {
    expect(await count(a.tenantId)).toEqual({ reports: 2, contacts: 2, who: 'paht_app', tenant: a.tenantId });
    expect(await count(b.tenantId)).toEqual({ reports: 3, contacts: 3, who: 'paht_app', tenant: b.tenantId });
  });

  it('refuses a write into another tenant, and rolls back everything when the function throws', async () => {
    const intruder = await withTenantSql(ctx.db, a.tenantId, (sql) =>
      sql.query(Prisma.sql`INSERT INTO units (id, tenant_id, code, name, kind) VALUES (gen_random_uuid(), ${b.tenantId}::uuid, 'INTRUDER', 'x', 'AGENCY')`),
    ).catch((e: unknown) => e);
    expect(isRlsRefusal(intruder)).toBe(true);
    const thrown = await withTenantSql(ctx.db, a.tenantId, async (sql) => {
      await sql.query(Prisma.sql`UPDATE reports SET address = 'sửa rồi bỏ'`);
      throw new Error('changed my mind');
    }).catch((e: unknown) => e);
    expect((thrown as Error).message).toBe('changed my mind');
    const addresses = await withTenantSql(ctx.db, a.tenantId, (sql) => sql.query<{ address: string }>(Prisma.sql`SELECT DISTINCT address FROM reports`));
    expect(addresses.map((r) => r.address)).not.toContain('sửa rồi bỏ');
    expect(await withTenant(ctx.db, b.tenantId, (tx) => tx.unit.count())).toBe(3);
  });

  it('leaves neither tenant nor role on the connection, and takes a snapshot only when asked', async () => {
    const isolation = (snapshot: boolean) =>
      withTenantSql(ctx.db, a.tenantId, (sql) => sql.query<{ level: string }>(Prisma.sql`SELECT current_setting('transaction_isolation') AS level`), { snapshot });
    expect((await isolation(true))[0]?.level).toBe('repeatable read');
    expect((await isolation(false))[0]?.level).toBe('read committed');
    // The same pooled connection next (the pool hands out the one just released).
    const after = await ctx.db.transaction('SELECT 1', (query) =>
      query<{ tenant: string | null; who: string }>("SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, current_user AS who", []),
    );
    expect(after[0]?.tenant).toBeNull();
    expect(after[0]?.who).not.toBe('paht_app');
  });

  it('reads the first statement’s parameters (sent with BEGIN as literals) as the same values as a later statement’s', async () => {
    const when = new Date('2026-03-02T09:15:30.123Z');
    const text = `it's a \\ back'slash, "quoted", {braces}, $1 and ?, Đông Hà ✓`;
    const echo = Prisma.sql`SELECT ${text} AS text, ${when}::timestamptz AS at, ${[text, 'b,c', '']}::text[] AS list, ${null}::text AS nothing,
                                   ${-12.5}::float8 AS number, ${true}::boolean AS yes, ${JSON.stringify({ a: text })}::jsonb AS doc, ${a.tenantId}::uuid AS id`;
    const [first, second] = await withTenantSql(ctx.db, a.tenantId, async (sql) => [(await sql.query(echo))[0], (await sql.query(echo))[0]]);
    expect(first).toEqual({ text, at: when, list: [text, 'b,c', ''], nothing: null, number: -12.5, yes: true, doc: { a: text }, id: a.tenantId });
    expect(second).toEqual(first);
  });

  it('runs nothing after a first statement that failed, not even outside the transaction', async () => {
    const run = (bad: Prisma.Sql) =>
      withTenantSql(ctx.db, a.tenantId, async (sql) => {
        const failed = await sql.query(bad).then(() => null, (e: unknown) => e);
        // A statement that does not parse fails the whole text before its BEGIN runs: the next one must not run as the owner.
        const next = await sql.query<{ who: string }>(Prisma.sql`SELECT current_user AS who`).then((rows) => rows[0]?.who, (e: unknown) => e);
        return { failed, next };
      }).catch((e: unknown) => ({ failed: e, next: e }));
    for (const bad of [Prisma.sql`SELEC ${1}`, Prisma.sql`SELECT 1 / ${0}::int`]) {
      const { failed, next } = await run(bad);
      expect(failed).toBeInstanceOf(Error);
      expect(next).toBeInstanceOf(Error);
    }
  });

  it('commits with a statement marked last (or the one statement), takes none after it, and leaves the connection clean', async () => {
    const insert = (code: string) => Prisma.sql`INSERT INTO units (id, tenant_id, code, name, kind) VALUES (gen_random_uuid(), ${a.tenantId}::uuid, ${code}, 'x', 'AGENCY') RETURNING code`;
    const units = () => withTenant(ctx.db, a.tenantId, (tx) => tx.unit.findMany({ where: { code: { startsWith: 'LAST-' } }, select: { code: true } }));
    expect(await withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(insert('LAST-ONE')), { oneStatement: true })).toEqual([{ code: 'LAST-ONE' }]);
    const after = await withTenantSql(ctx.db, a.tenantId, async (sql) => {
      await sql.query(Prisma.sql`SELECT 1`);
      await sql.query(insert('LAST-TWO'), { last: true });
      return sql.query(insert('LAST-THREE')).then(() => 'ran', (e: unknown) => e);
    }).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(Error);
    expect((await units()).map((u) => u.code).sort()).toEqual(['LAST-ONE', 'LAST-TWO']);
    const next = await ctx.db.transaction('SELECT 1', (query) =>
      query<{ tenant: string | null; who: string }>("SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, current_user AS who", []),
    );
    expect(next[0]?.tenant).toBeNull();
    expect(next[0]?.who).not.toBe('paht_app');
  });

  it('cancels a first statement that runs past the timeout (PostgreSQL)', async () => {
    if (ctx.db.engine !== 'postgres') return;
    const started = Date.now();
    const error = await withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(Prisma.sql`SELECT pg_sleep(${5})`), { timeoutMs: 200 }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('57014');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('prepares the first statement once per connection, and the prepared statement reads each tenant’s own rows (PostgreSQL)', async () => {
    if (ctx.db.engine !== 'postgres') return;
    // One connection, so every transaction and the check below share it.
    const one = await openDatabase({ url: tdb.url!, poolSize: 1 });
    try {
      const countOn = (tenantId: string) => withTenantSql(one, tenantId, (sql) => sql.query(Prisma.sql`SELECT (SELECT count(*)::int FROM reports) AS reports, current_user AS who, ${tenantId}::text AS asked`), { oneStatement: true });
      for (let i = 0; i < 7; i++) {
        expect(await countOn(a.tenantId)).toEqual([{ reports: 2, who: 'paht_app', asked: a.tenantId }]);
        expect(await countOn(b.tenantId)).toEqual([{ reports: 3, who: 'paht_app', asked: b.tenantId }]);
      }
      const held = await one.query<{ name: string; runs: number }>(
        "SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE name LIKE 'paht\\_%'",
      );
      expect(held).toEqual([{ name: expect.stringMatching(/^paht_[0-9a-f]{32}$/), runs: 14 }]);
    } finally {
      await one.close();
    }
  });

  it('sends the statement written out again when its connection no longer holds it, as behind a pooler, and stops preparing (PostgreSQL)', async () => {
    if (ctx.db.engine !== 'postgres') return;
    const one = await openDatabase({ url: tdb.url!, poolSize: 1 });
    try {
      const reports = () => withTenantSql(one, a.tenantId, (sql) => sql.query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM reports WHERE ${true}`), { oneStatement: true });
      expect(await reports()).toEqual([{ n: 2 }]);
      // What a transaction-mode pooler does: the next transaction lands on a server connection without it.
      await one.query('DEALLOCATE ALL');
      expect(await reports()).toEqual([{ n: 2 }]);
      expect(await reports()).toEqual([{ n: 2 }]);
      expect(await one.query("SELECT name FROM pg_prepared_statements WHERE name LIKE 'paht\\_%'")).toEqual([]);
    } finally {
      await one.close();
    }
  });

  it('takes no tenant id that is not a UUID: NOT_FOUND before any SQL', async () => {
    const error = await withTenantSql(ctx.db, `${a.tenantId}', true), set_config('role', 'postgres', true) --`, () => Promise.resolve(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_FOUND');
  });
});
