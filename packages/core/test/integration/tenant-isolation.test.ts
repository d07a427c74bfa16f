import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_READ_ACTION, DomainError, readReporterContact, submitReport, withTenant } from '@paht/core';
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
      'api_keys', 'attachments', 'audit_entries', 'calendar_days', 'categories', 'focal_points', 'indicator_form_items', 'indicator_form_submissions', 'indicator_form_versions', 'indicator_forms', 'indicator_value_revisions', 'indicator_values', 'indicators', 'kpi_daily_rollups', 'kpi_report_facts',
      'notification_outbox', 'report_events', 'report_supporters', 'reporter_contacts', 'reports', 'sla_policies', 'staff_notifications', 'staff_users', 'units',
    ]);
    expect(tables.filter((t) => !t.rls || !t.forced)).toEqual([]);
  });
});
