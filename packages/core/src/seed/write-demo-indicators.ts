import { DateTime } from 'luxon';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { defineIndicator } from '../indicators/indicator-definitions.js';
import { defineIndicatorForm } from '../indicators/indicator-form-definitions.js';
import { formDeadline } from '../indicators/indicator-form-status.js';
import { submitIndicatorForm } from '../indicators/indicator-form-submissions.js';
import { formatPeriod } from '../indicators/indicator-periods.js';
import { DEMO_FORM, DEMO_FORM_ITEMS, DEMO_INDICATOR_SCALES, demoIndicators, demoMonthValues, demoUnitProfile } from './demo-indicators.js';
import type { DemoTenant } from './demo-types.js';
import { hashString, seededRandom } from './seeded-random.js';

/** Months of submitted history before the current month: enough for a growth against the same month last year over the last quarter. */
export const DEMO_INDICATOR_MONTHS = 15;
/** How many reporting units submit last month's form through the API (the rest is imported in bulk: the API checks and alerts cost a second a submission). */
const LIVE_UNITS = 3;

/** The units that submit the demo form in a tenant, in the tenant file's order (the first has the demo `canbo` sign-in). */
export function demoReportingUnits(demo: DemoTenant) {
  const scale = DEMO_INDICATOR_SCALES[demo.slug];
  return scale ? demo.units.filter((u) => u.kind === scale.reportingKind) : [];
}

/**
 * Defines the demo tenant's indicators and monthly form (as its tenant admin)
 * and fills in the form for each of the last 15 months, each submission at
 * a simulated moment: most units by the deadline, some after it, a few
 * never; those whose moment is after `now` have not submitted (PENDING, or
 * OVERDUE once the deadline passed), and the current month is due from
 * everyone. The first three reporting units submit last month through the
 * API units use, on the core clock moved to that moment (audit entries,
 * target alerts); the rest is imported in bulk as the API would have stored
 * it. About one unit-month in eight settles under 95 % of its files on time,
 * and the first reporting unit does last month, so target alerts exist.
 * Households and the poverty rate of the last two years are imported as
 * submitted in January. Deterministic for a `seed` and a `now`; draws its
 * own random numbers, so the report history is unchanged.
 */
export async function writeDemoIndicators(ctx: CoreContext, demo: DemoTenant, tenantId: string, seed: number): Promise<{ indicators: number; submissions: number; yearlyValues: number }> {
  const scale = DEMO_INDICATOR_SCALES[demo.slug];
  if (!scale) return { indicators: 0, submissions: 0, yearlyValues: 0 };
  const now = ctx.now();
  const at = (d: Date): CoreContext => ({ ...ctx, now: () => d });
  const { admin, unitIds } = await withTenant(ctx.db, tenantId, async (tx) => ({
    admin: await tx.staffUser.findFirstOrThrow({ where: { role: 'TENANT_ADMIN' }, select: { id: true } }),
    unitIds: new Map((await tx.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id])),
  }));
  const actor: Actor = { role: 'TENANT_ADMIN', userId: admin.id };
  const current = DateTime.fromJSDate(now, { zone: demo.timezone }).startOf('month');
  const first = current.minus({ months: DEMO_INDICATOR_MONTHS });
  // Defined before the first value: the first month's submissions, or the January the older yearly values came in.
  const defined = at(DateTime.min(first.minus({ days: 10 }), DateTime.fromObject({ year: current.year - 1, month: 1, day: 10 }, { zone: demo.timezone })).toJSDate());

  const ids = new Map<string, string>();
  for (const { ownerUnitCode, weightCode, ...def } of demoIndicators(scale)) {
    const ownerUnitId = ownerUnitCode ? (unitIds.get(ownerUnitCode) ?? null) : null;
    const row = await defineIndicator(defined, tenantId, actor, { ...def, ownerUnitId, weightIndicatorId: weightCode ? ids.get(weightCode)! : null });
    ids.set(row.code, row.id);
  }
  const monthly = DEMO_FORM_ITEMS.map((i) => i.code);
  const form = await defineIndicatorForm(defined, tenantId, actor, {
    ...DEMO_FORM,
    unitKinds: [scale.reportingKind],
    items: DEMO_FORM_ITEMS.map(({ code, ...item }) => ({ ...item, indicatorId: ids.get(code)! })),
  });

  const rng = seededRandom((seed ^ hashString(`indicators:${demo.slug}`)) >>> 0);
  const units = demoReportingUnits(demo);
  const profiles = units.map(() => demoUnitProfile(rng, scale));
  const submissions: Array<{ at: Date; unitId: string; period: string; values: Record<(typeof monthly)[number], number> }> = [];
  for (let m = 0; m < DEMO_INDICATOR_MONTHS; m++) {
    const month = first.plus({ months: m });
    const period = { periodicity: 'MONTH' as const, year: month.year, index: month.month };
    const deadline = DateTime.fromJSDate(formDeadline(period, DEMO_FORM.deadlineDays, demo.timezone), { zone: demo.timezone }).startOf('day');
    units.forEach((unit, u) => {
      const lastMonth = m === DEMO_INDICATOR_MONTHS - 1;
      const weak = rng.chance(0.12) || (u === 0 && lastMonth);
      const values = demoMonthValues(rng, profiles[u]!, month.month, m / 12, weak);
      const draw = rng.next();
      const hour = rng.int(8, 16);
      const when = draw < 0.72 ? deadline.minus({ days: rng.int(0, 4) }) : draw < 0.93 ? deadline.plus({ days: rng.int(1, 12) }) : null;
      if (!when) return; // never submitted: OVERDUE
      const moment = when.set({ hour, minute: rng.int(0, 59) }).toJSDate();
      if (moment <= now) submissions.push({ at: moment, unitId: unitIds.get(unit.code)!, period: formatPeriod(period), values });
    });
  }
  submissions.sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = formatPeriod({ periodicity: 'MONTH', year: current.minus({ months: 1 }).year, index: current.minus({ months: 1 }).month });
  const live = new Set(units.slice(0, LIVE_UNITS).map((u) => unitIds.get(u.code)!));
  const viaApi = (s: (typeof submissions)[number]) => s.period === latest && live.has(s.unitId);
  // Imported history in bulk (values, their first revision, the form submissions)…
  await importHistory(ctx, tenantId, admin.id, form, submissions.filter((s) => !viaApi(s)).map((s) => ({ ...s, values: monthly.map((code) => ({ indicatorId: ids.get(code)!, value: s.values[code] })) })));
  // …and the first units' last month through the API units use (audit entries, target alerts).
  for (const s of submissions.filter(viaApi)) {
    await submitIndicatorForm(at(s.at), tenantId, actor, {
      formId: form.id, unitId: s.unitId, period: s.period,
      values: monthly.map((code) => ({ indicatorId: ids.get(code)!, value: s.values[code] })),
    });
  }

  // Households and the poverty rate of the last two years, submitted the following January (imported history).
  const yearly: ImportedSubmission[] = [];
  for (const year of [current.year - 2, current.year - 1]) {
    const moment = DateTime.fromObject({ year: year + 1, month: 1, day: 20, hour: 9 }, { zone: demo.timezone }).toJSDate();
    if (moment > now) continue;
    const older = year === current.year - 2;
    units.forEach((unit, u) => {
      const p = profiles[u]!;
      yearly.push({
        at: moment, unitId: unitIds.get(unit.code)!, period: String(year),
        values: [
          { indicatorId: ids.get('SO_HO')!, value: older ? Math.round(p.households / 1.012) : p.households },
          { indicatorId: ids.get('TL_HO_NGHEO')!, value: Math.round((older ? p.poverty * 1.18 : p.poverty) * 100) / 100 },
        ],
      });
    });
  }
  await importHistory(ctx, tenantId, admin.id, null, yearly);
  return { indicators: ids.size, submissions: submissions.length, yearlyValues: yearly.length * 2 };
}

interface ImportedSubmission {
  at: Date;
  unitId: string;
  period: string;
  values: Array<{ indicatorId: string; value: number }>;
}

/** Writes submissions as first values (revision 1) and, with a form, as its first submissions: what the API would have stored, without audit or alerts. */
async function importHistory(ctx: CoreContext, tenantId: string, by: string, form: { id: string; versionId: string } | null, rows: ImportedSubmission[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.flatMap((r) => r.values.map((v) => ({ id: crypto.randomUUID(), tenantId, indicatorId: v.indicatorId, unitId: r.unitId, period: r.period, value: v.value, submittedBy: by, submittedAt: r.at })));
  await withTenant(ctx.db, tenantId, async (tx) => {
    await tx.indicatorValue.createMany({ data: values });
    await tx.indicatorValueRevision.createMany({ data: values.map((v) => ({ tenantId, valueId: v.id, revision: 1, value: v.value, submittedBy: by, submittedAt: v.submittedAt })) });
    if (form) {
      await tx.indicatorFormSubmission.createMany({
        data: rows.map((r) => ({ tenantId, formId: form.id, formVersionId: form.versionId, unitId: r.unitId, period: r.period, revision: 1, submittedBy: by, submittedAt: r.at, fingerprint: 'demo-history' })),
      });
    }
  });
}
