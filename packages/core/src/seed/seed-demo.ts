import { DateTime } from 'luxon';
import { hashPassword } from '../auth/password.js';
import { buildWorkingCalendar } from '../calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../calendar/working-calendar.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { provisionTenant } from '../tenants/provision-tenant.js';
import { ensureDemoIndicators, type DemoIndicatorsAdded } from './ensure-demo-indicators.js';
import { ensureDemoPublicKey } from './demo-public-key.js';
import { DEMO_TENANTS } from './demo-tenants.js';
import type { DemoTenant } from './demo-types.js';
import { writeDemoHistory } from './write-demo-history.js';
import { demoReportingUnits, writeDemoIndicators } from './write-demo-indicators.js';

/** Prefix of each demo tenant's tracking codes. */
const PREFIX: Readonly<Record<string, string>> = { 'quang-tri': 'QT', 'quang-nam': 'QNA', 'cao-lanh': 'CL' };

export interface DemoStaff {
  email: string;
  password: string;
  role: 'IOC_OPERATOR' | 'UNIT_OFFICER' | 'UNIT_LEADER' | 'TENANT_ADMIN' | 'LEADER';
  unitCode?: string;
}

export interface DemoSeedResult {
  /** False when every demo tenant was there already (nothing written). */
  seeded: boolean;
  /**
   * Each demo tenant; `publicKey` is its demo public key for localhost origins (null when revoked);
   * `indicatorsAdded`: what a tenant that was there already lacked of the demo indicators and got now (ensure-demo-indicators.ts).
   */
  tenants: Array<{ slug: string; name: string; reports: number; staff: DemoStaff[]; publicKey: string | null; indicatorsAdded?: DemoIndicatorsAdded }>;
}

/**
 * Demo staff sign-ins. The passwords are public knowledge: they exist so that
 * a newcomer can try the workflow, and must never be used on real data.
 */
export function demoStaff(tenant: DemoTenant): DemoStaff[] {
  const password = `demo-${tenant.slug}`;
  const handler = tenant.units.find((u) => u.kind === 'DEPARTMENT') ?? tenant.units.find((u) => u.kind !== 'IOC');
  const email = (who: string) => `${who}.${tenant.slug}@example.gov.vn`;
  // An officer of the first unit that submits the monthly indicators form (its reminders and target alerts).
  const reporting = demoReportingUnits(tenant)[0];
  return [
    { email: email('ioc'), password, role: 'IOC_OPERATOR', unitCode: 'IOC' },
    { email: email('admin'), password, role: 'TENANT_ADMIN' },
    { email: email('lanhdao'), password, role: 'LEADER' },
    { email: email('chuyenvien'), password, role: 'UNIT_OFFICER', ...(handler ? { unitCode: handler.code } : {}) },
    { email: email('truongphong'), password, role: 'UNIT_LEADER', ...(handler ? { unitCode: handler.code } : {}) },
    ...(reporting ? [{ email: email('canbo'), password, role: 'UNIT_OFFICER' as const, unitCode: reporting.code }] : []),
  ];
}

/**
 * Seeds the three demo tenants (Quảng Trị, Quảng Nam, Cao Lãnh) with their
 * units, focal points, categories, SLA policies, staff, generated history and
 * socio-economic indicators with a monthly report form (write-demo-indicators.ts),
 * so that the figures of DOMAIN.md come out of the KPI queries. Idempotent:
 * a demo tenant that exists already keeps its data; it only gets the demo
 * indicators and form when it was seeded before they existed
 * (`ensureDemoIndicators`: never a non-demo tenant, nothing twice).
 */
export async function seedDemo(ctx: CoreContext, options: { seed?: number; /** Only these demo tenants (slugs); default all. */ only?: readonly string[] } = {}): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { seeded: false, tenants: [] };
  for (const demo of DEMO_TENANTS.filter((t) => !options.only || options.only.includes(t.slug))) {
    const staff = demoStaff(demo);
    const existing = await ctx.db.prisma.tenant.findUnique({ where: { slug: demo.slug } });
    if (existing) {
      const reports = await withTenant(ctx.db, existing.id, (tx) => tx.report.count());
      const publicKey = await ensureDemoPublicKey(ctx, existing.id, demo.slug);
      const added = await ensureDemoIndicators(ctx, demo, existing, staff, options.seed ?? 2021);
      const changed = added.indicators + added.forms > 0;
      result.tenants.push({ slug: demo.slug, name: demo.name, reports, staff, publicKey, ...(changed ? { indicatorsAdded: added } : {}) });
      continue;
    }
    const reports = await seedTenant(ctx, demo, staff, options.seed ?? 2021);
    const created = await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { slug: demo.slug } });
    const publicKey = await ensureDemoPublicKey(ctx, created.id, demo.slug);
    result.seeded = true;
    result.tenants.push({ slug: demo.slug, name: demo.name, reports, staff, publicKey });
  }
  return result;
}

async function seedTenant(ctx: CoreContext, demo: DemoTenant, staff: DemoStaff[], seed: number): Promise<number> {
  const tenant = await provisionTenant(ctx, {
    slug: demo.slug,
    name: demo.name,
    nameEn: demo.nameEn,
    kind: demo.kind,
    provinceCode: demo.provinceCode,
    timezone: demo.timezone,
    trackingPrefix: PREFIX[demo.slug] ?? 'PA',
    allowedOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://localhost:5173'],
  });
  const tenantId = tenant.id;
  const since = DateTime.fromISO(demo.history.from, { zone: demo.timezone }).toJSDate();
  const passwordHash = await hashPassword(staff[0]!.password);
  const ids = await withTenant(ctx.db, tenantId, async (tx) => {
    const unitIds = new Map(demo.units.map((u) => [u.code, crypto.randomUUID()] as const));
    await tx.unit.createMany({
      data: demo.units.map((u) => ({
        id: unitIds.get(u.code)!,
        tenantId,
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        kind: u.kind,
        parentId: u.parentCode ? (unitIds.get(u.parentCode) ?? null) : null,
      })),
    });
    await tx.focalPoint.createMany({
      data: demo.units.flatMap((u) =>
        (['LEADER', 'STAFF'] as const).map((role) => {
          const person = role === 'LEADER' ? u.leader : u.staff;
          return { tenantId, unitId: unitIds.get(u.code)!, role, fullName: person.fullName, title: person.title, phone: person.phone, email: person.email, validFrom: since };
        }),
      ),
    });
    const policyIds = new Map(demo.slaPolicies.map((p) => [p.code, crypto.randomUUID()] as const));
    await tx.slaPolicy.createMany({ data: demo.slaPolicies.map((p) => ({ ...p, id: policyIds.get(p.code)!, tenantId })) });
    const categoryIds = new Map(demo.categories.map((c) => [c.code, crypto.randomUUID()] as const));
    await tx.category.createMany({
      data: demo.categories.map((c) => ({
        id: categoryIds.get(c.code)!,
        tenantId,
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        isPublic: c.isPublic,
        defaultUnitId: unitIds.get(c.defaultUnitCode) ?? null,
        slaPolicyId: policyIds.get(c.slaPolicyCode)!,
      })),
    });
    await tx.staffUser.createMany({
      data: staff.map((s) => ({
        tenantId,
        email: s.email,
        fullName: s.email.split('@')[0]!,
        role: s.role,
        unitId: s.unitCode ? (unitIds.get(s.unitCode) ?? null) : null,
        passwordHash,
      })),
    });
    return { unitIds, categoryIds };
  });

  const now = ctx.now();
  const calendar = buildWorkingCalendar({
    timezone: demo.timezone,
    weeklyHours: VIETNAM_OFFICE_HOURS,
    years: { from: since.getUTCFullYear() - 1, to: now.getUTCFullYear() + 1 },
  });
  const reports = await writeDemoHistory(ctx, {
    demo,
    tenantId,
    prefix: PREFIX[demo.slug] ?? 'PA',
    seed,
    calendar,
    now,
    unitIds: ids.unitIds,
    categoryIds: ids.categoryIds,
  });
  await writeDemoIndicators(ctx, demo, tenantId, seed);
  return reports;
}
