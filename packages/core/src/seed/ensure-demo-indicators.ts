import { hashPassword } from '../auth/password.js';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError } from '../errors.js';
import { defineIndicator } from '../indicators/indicator-definitions.js';
import { defineIndicatorForm } from '../indicators/indicator-form-definitions.js';
import { DEMO_FORM, DEMO_FORM_ITEMS, DEMO_INDICATOR_SCALES, demoIndicators } from './demo-indicators.js';
import type { DemoTenant } from './demo-types.js';
import type { DemoStaff } from './seed-demo.js';
import { writeDemoIndicators } from './write-demo-indicators.js';

/** What `ensureDemoIndicators` added to a demo tenant that existed already. */
export interface DemoIndicatorsAdded {
  indicators: number;
  forms: number;
  /** Submissions of the monthly form written as history (only when the tenant had none of the demo indicators). */
  submissions: number;
  /** The demo's definitions left out because the tenant's own definitions clash with them (the tenant's stay as they are). */
  skipped: string[];
}

const NOTHING: DemoIndicatorsAdded = { indicators: 0, forms: 0, submissions: 0, skipped: [] };

/**
 * Brings a demo tenant seeded before the demo indicators existed up to date
 * (`seedDemo` calls it for each demo tenant that is there already):
 *
 * - none of the demo indicators and no demo form: writes them as a fresh
 *   seed does, with their history (`writeDemoIndicators`), and the `canbo`
 *   sign-in of the first reporting unit when it is missing;
 * - some of them (an admin defined a code of the demo's): defines only the
 *   missing ones and the form, no history; a definition the tenant's own
 *   ones make impossible is skipped, the tenant's own never change;
 * - all of them: nothing.
 *
 * So a second run adds nothing. Only a demo tenant is touched: one whose
 * demo tenant admin (`admin.<slug>@example.gov.vn`) exists and that was not
 * merged into another; a real tenant that happens to have a demo slug is
 * left alone.
 */
export async function ensureDemoIndicators(
  ctx: CoreContext,
  demo: DemoTenant,
  tenant: { id: string; mergedIntoId: string | null },
  staff: readonly DemoStaff[],
  seed: number,
): Promise<DemoIndicatorsAdded> {
  const scale = DEMO_INDICATOR_SCALES[demo.slug];
  const adminEmail = staff.find((s) => s.role === 'TENANT_ADMIN')?.email;
  if (!scale || !adminEmail || tenant.mergedIntoId) return NOTHING;
  const tenantId = tenant.id;
  const definitions = demoIndicators(scale);
  const state = await withTenant(ctx.db, tenantId, async (tx) => {
    const admin = await tx.staffUser.findFirst({ where: { email: adminEmail, role: 'TENANT_ADMIN' }, select: { id: true } });
    if (!admin) return null;
    const indicators = await tx.indicator.findMany({ where: { code: { in: definitions.map((d) => d.code) } }, select: { id: true, code: true } });
    const form = await tx.indicatorForm.findUnique({ where: { tenantId_code: { tenantId, code: DEMO_FORM.code } }, select: { id: true } });
    return { admin, indicators: new Map(indicators.map((i) => [i.code, i.id])), hasForm: form !== null };
  });
  if (!state) return NOTHING;
  if (state.indicators.size === definitions.length && state.hasForm) return NOTHING;
  await ensureReportingOfficer(ctx, tenantId, staff);
  if (state.indicators.size === 0 && !state.hasForm) {
    const written = await writeDemoIndicators(ctx, demo, tenantId, seed);
    return { indicators: written.indicators, forms: 1, submissions: written.submissions, skipped: [] };
  }

  const actor: Actor = { role: 'TENANT_ADMIN', userId: state.admin.id };
  const unitIds = await withTenant(ctx.db, tenantId, async (tx) => new Map((await tx.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id])));
  const ids = state.indicators;
  const added = { ...NOTHING, skipped: [] as string[] };
  const skipping = async (code: string, define: () => Promise<unknown>) => {
    try {
      await define();
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      added.skipped.push(code);
      return false;
    }
  };
  for (const { ownerUnitCode, weightCode, ...def } of definitions) {
    if (ids.has(def.code)) continue;
    const ownerUnitId = ownerUnitCode ? (unitIds.get(ownerUnitCode) ?? null) : null;
    const weightIndicatorId = weightCode ? (ids.get(weightCode) ?? null) : null;
    if (weightCode && !weightIndicatorId) {
      added.skipped.push(def.code);
      continue;
    }
    if (await skipping(def.code, async () => ids.set(def.code, (await defineIndicator(ctx, tenantId, actor, { ...def, ownerUnitId, weightIndicatorId })).id))) added.indicators += 1;
  }
  if (!state.hasForm) {
    const items = DEMO_FORM_ITEMS.map(({ code, ...item }) => ({ ...item, indicatorId: ids.get(code) ?? '' }));
    const define = () => defineIndicatorForm(ctx, tenantId, actor, { ...DEMO_FORM, unitKinds: [scale.reportingKind], items });
    if (items.some((i) => !i.indicatorId)) added.skipped.push(DEMO_FORM.code);
    else if (await skipping(DEMO_FORM.code, define)) added.forms = 1;
  }
  return added;
}

/** The `canbo` sign-in of the first reporting unit (databases seeded before it existed lack it). */
async function ensureReportingOfficer(ctx: CoreContext, tenantId: string, staff: readonly DemoStaff[]): Promise<void> {
  const officer = staff.find((s) => s.email.startsWith('canbo.'));
  if (!officer?.unitCode) return;
  const unit = await withTenant(ctx.db, tenantId, async (tx) =>
    (await tx.staffUser.findFirst({ where: { email: officer.email }, select: { id: true } })) ? null : tx.unit.findFirst({ where: { code: officer.unitCode }, select: { id: true } }),
  );
  if (!unit) return;
  const passwordHash = await hashPassword(officer.password);
  await withTenant(ctx.db, tenantId, (tx) =>
    tx.staffUser.create({ data: { tenantId, email: officer.email, fullName: officer.email.split('@')[0]!, role: officer.role, unitId: unit.id, passwordHash } }),
  );
}
