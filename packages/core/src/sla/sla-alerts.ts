import type { Actor } from '../auth/actor.js';
import { addClockMinutes } from './clock-arithmetic.js';
import { computeSla } from './compute-sla.js';
import { SlaStageState, type SlaPolicyRule, type SlaStageName } from './sla-types.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { SLA_RUNNING_STATUSES } from '../reports/status-traits.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';

export const SlaAlertKind = {
  /** The stage has used its policy's `warnRatio` of the allowed time. */
  WARNING: 'WARNING',
  /** The stage has run past its deadline. */
  BREACH: 'BREACH',
} as const;
export type SlaAlertKind = (typeof SlaAlertKind)[keyof typeof SlaAlertKind];

/** One SLA transition of one report's running stage. Identifiers and times only. */
export interface SlaAlert {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  kind: SlaAlertKind;
  stage: SlaStageName;
  /** 1 for the stage's first run; an ACCEPT stage runs once per assignment, a RESOLVE stage once per round (reopen). */
  round: number;
  stageStartedAt: Date;
  dueAt: Date;
  /** Allowed minus used minutes on the policy's clock at `detectedAt` (negative once breached). */
  remainingMinutes: number;
  /** The unit holding the report (null while the IOC has it). */
  unitId: string | null;
  categoryId: string | null;
  detectedAt: Date;
}

const ACTION: Record<SlaAlertKind, string> = { WARNING: 'sla.warning', BREACH: 'sla.breach' };
const SYSTEM: Actor = { role: 'SYSTEM', name: 'sla-alerts' };
/** First key of pg_advisory_xact_lock(int, int) for this job; the second is the tenant's hash. */
const LOCK_SPACE = 0x51a;

/**
 * Claims the tenant's new SLA alerts at `ctx.now()`: the reports whose
 * running stage has reached its warning threshold or its deadline, each
 * transition at most once per report, stage and round. Claimed alerts are
 * recorded in the audit log (`sla.warning` / `sla.breach` by SYSTEM) in the
 * same transaction, under a per-tenant transaction-level advisory lock, so
 * that of several processes calling this at once exactly one gets each
 * alert; the caller publishes what it got after this returns (commit).
 *
 * Queries per tenant, whatever the number of reports: the policies and
 * calendar, one indexed query for the candidates (running statuses whose
 * stored deadline falls within the widest warning window of the tenant's
 * policies, on index (tenant_id, status)), their timelines in one query, the
 * earlier claims in one query (index (tenant_id, at)), one insert.
 * A report skipped while already BREACHED gets only the BREACH alert.
 */
export async function claimSlaAlerts(ctx: CoreContext, tenantId: string): Promise<SlaAlert[]> {
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${tenantId}))`;
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, timezone: true, workingHours: true } });
    const policies = await tx.slaPolicy.findMany({ orderBy: [{ classifyMinutes: 'asc' }, { code: 'asc' }] });
    if (!tenant || policies.length === 0) return [];
    const calendar = await loadTenantCalendar(tx, tenant, yearsAround(now));

    // A stage warns at most (1 − warnRatio) × allowed before its deadline; the
    // stored deadline is never later than the real one (pauses only push it
    // back). Doubling the allowance covers granted extensions.
    let horizon = now;
    for (const p of policies) {
      const window = (1 - p.warnRatio) * 2 * Math.max(p.classifyMinutes, p.acceptMinutes, p.resolveMinutes);
      const end = addClockMinutes(p.clock, calendar, now, window);
      if (end > horizon) horizon = end;
    }
    const candidates = await tx.report.findMany({
      where: { tenantId, status: { in: [...SLA_RUNNING_STATUSES] }, dueAt: { lte: horizon } },
      select: { id: true, trackingCode: true, unitId: true, categoryId: true, category: { select: { slaPolicyId: true } } },
    });
    if (candidates.length === 0) return [];

    const events = await tx.reportEvent.findMany({ where: { reportId: { in: candidates.map((c) => c.id) } }, orderBy: [{ reportId: 'asc' }, { seq: 'asc' }] });
    const timelines = new Map<string, typeof events>();
    for (const e of events) timelines.set(e.reportId, [...(timelines.get(e.reportId) ?? []), e]);
    const byId = new Map(policies.map((p) => [p.id, p]));
    // Before classification the tenant's strictest classification deadline applies (as in report-sla.ts).
    const unclassified = policies[0]!;
    const oldest = events.reduce((min, e) => (e.at < min ? e.at : min), now);
    const fullCalendar = oldest.getUTCFullYear() < now.getUTCFullYear() - 1 ? await loadTenantCalendar(tx, tenant, yearsAround(oldest, now)) : calendar;

    const due: SlaAlert[] = [];
    for (const report of candidates) {
      const policy: SlaPolicyRule = (report.category && byId.get(report.category.slaPolicyId)) || unclassified;
      const timeline = (timelines.get(report.id) ?? []).map((e) => ({
        type: e.type as Parameters<typeof computeSla>[0][number]['type'],
        at: e.at,
        toStatus: e.toStatus,
        extensionMinutes: (e.data as { extensionMinutes?: number } | null)?.extensionMinutes,
      }));
      const sla = computeSla(timeline, fullCalendar, policy, now);
      const current = sla.current;
      if (!current || (current.state !== SlaStageState.WARNING && current.state !== SlaStageState.BREACHED)) continue;
      const round = sla.stages.filter((s) => s.stage === current.stage).indexOf(current) + 1;
      due.push({
        tenantId,
        reportId: report.id,
        trackingCode: report.trackingCode,
        kind: current.state === SlaStageState.BREACHED ? SlaAlertKind.BREACH : SlaAlertKind.WARNING,
        stage: current.stage,
        round,
        stageStartedAt: current.startedAt,
        dueAt: current.dueAt,
        remainingMinutes: current.remainingMinutes,
        unitId: report.unitId,
        categoryId: report.categoryId,
        detectedAt: now,
      });
    }
    if (due.length === 0) return [];

    const earliest = due.reduce((min, a) => (a.stageStartedAt < min ? a.stageStartedAt : min), now);
    const claimed = await tx.auditEntry.findMany({
      where: { at: { gte: earliest }, action: { in: Object.values(ACTION) }, subjectType: 'Report', subjectId: { in: due.map((a) => a.reportId) } },
      select: { subjectId: true, action: true, data: true },
    });
    const key = (reportId: string, stage: unknown, round: unknown, action: string) => `${reportId}|${String(stage)}|${String(round)}|${action}`;
    const seen = new Set(claimed.map((c) => key(c.subjectId, (c.data as { stage?: string }).stage, (c.data as { round?: number }).round, c.action)));
    // A breach supersedes the warning: once a stage is breached, no warning for it.
    const fresh = due.filter((a) => !seen.has(key(a.reportId, a.stage, a.round, ACTION.BREACH)) && !(a.kind === SlaAlertKind.WARNING && seen.has(key(a.reportId, a.stage, a.round, ACTION.WARNING))));
    if (fresh.length === 0) return [];
    await tx.auditEntry.createMany({
      data: fresh.map((a) => ({
        tenantId,
        actorId: null,
        actorRole: SYSTEM.role,
        action: ACTION[a.kind],
        subjectType: 'Report',
        subjectId: a.reportId,
        at: now,
        data: { stage: a.stage, round: a.round, stageStartedAt: a.stageStartedAt.toISOString(), dueAt: a.dueAt.toISOString(), unitId: a.unitId },
      })),
    });
    return fresh;
  });
}
