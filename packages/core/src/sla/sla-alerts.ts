import type { Actor } from '../auth/actor.js';
import { addClockMinutes } from './clock-arithmetic.js';
import { computeSla } from './compute-sla.js';
import { SlaStageState, type SlaPolicyRule, type SlaStageName } from './sla-types.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { notifyStaff, StaffNoticeKind, type StaffNotificationRecord } from '../notifications/staff-notices.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { SLA_RUNNING_STATUSES } from '../reports/status-traits.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';

export const SlaAlertKind = {
  /** The stage has used its policy's `warnRatio` of the allowed time. */
  WARNING: 'WARNING',
  /** The stage has run past its deadline. */
  BREACH: 'BREACH',
  /** The stage has used more than twice its allowed time. */
  BREACH_TWICE: 'BREACH_TWICE',
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

const ACTION: Record<SlaAlertKind, string> = { WARNING: 'sla.warning', BREACH: 'sla.breach', BREACH_TWICE: 'sla.breach-twice' };
/** Each alert is a step of escalation: once a step is claimed, no lower one is claimed for the stage. */
const RANK: Record<SlaAlertKind, number> = { WARNING: 0, BREACH: 1, BREACH_TWICE: 2 };
/** The staff notice of each alert (core/notifications/staff-notices.ts says who gets it). */
const NOTICE: Record<SlaAlertKind, StaffNoticeKind> = {
  WARNING: StaffNoticeKind.DEADLINE_NEAR,
  BREACH: StaffNoticeKind.DEADLINE_PASSED,
  BREACH_TWICE: StaffNoticeKind.DEADLINE_PASSED_TWICE,
};
const SYSTEM: Actor = { role: 'SYSTEM', name: 'sla-alerts' };
/** First key of pg_advisory_xact_lock(int, int) for this job; the second is the tenant's hash. */
const LOCK_SPACE = 0x51a;

/** What one deadline pass claimed: the alerts (to publish live after commit) and the staff notices written with them. */
export interface SlaDeadlineRun {
  alerts: SlaAlert[];
  notices: StaffNotificationRecord[];
}

/** `runSlaDeadlines` without the notices: the claimed alerts only. */
export async function claimSlaAlerts(ctx: CoreContext, tenantId: string): Promise<SlaAlert[]> {
  return (await runSlaDeadlines(ctx, tenantId)).alerts;
}

/**
 * Claims the tenant's new SLA alerts at `ctx.now()`: the reports whose
 * running stage has reached its warning threshold (WARNING), its deadline
 * (BREACH) or twice its allowed time (BREACH_TWICE), each step at most once
 * per report, stage and round. Claimed alerts are recorded in the audit log
 * (`sla.warning` / `sla.breach` / `sla.breach-twice` by SYSTEM) and put in
 * the staff inboxes (DEADLINE_NEAR to whoever holds the report,
 * DEADLINE_PASSED to the unit's leaders and the IOC, DEADLINE_PASSED_TWICE
 * to them and the tenant's leaders: `notifyStaff`) in the same transaction,
 * under a per-tenant transaction-level advisory lock, so that of several
 * processes calling this at once exactly one gets each alert; the caller
 * publishes what it got after this returns (commit).
 *
 * Queries per tenant, whatever the number of reports: the policies and
 * calendar, one indexed query for the candidates (running statuses whose
 * stored deadline falls within the widest warning window of the tenant's
 * policies, on index (tenant_id, status)), their timelines in one query, the
 * earlier claims in one query (index (tenant_id, at)), one insert.
 * Reports in a running status with no stored deadline (rows written before
 * every stage had one) are candidates too. A report first seen at a later
 * step gets only that step (a breach supersedes the warning).
 */
export async function runSlaDeadlines(ctx: CoreContext, tenantId: string): Promise<SlaDeadlineRun> {
  const now = ctx.now();
  const none: SlaDeadlineRun = { alerts: [], notices: [] };
  const record = await findTenantById(ctx, tenantId);
  return withTenant(ctx.db, tenantId, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${tenantId}))`;
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, timezone: true, workingHours: true } });
    const policies = await tx.slaPolicy.findMany({ orderBy: [{ classifyMinutes: 'asc' }, { code: 'asc' }] });
    if (!tenant || policies.length === 0) return none;
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
      where: { tenantId, status: { in: [...SLA_RUNNING_STATUSES] }, OR: [{ dueAt: { lte: horizon } }, { dueAt: null }] },
      select: { id: true, trackingCode: true, unitId: true, categoryId: true, category: { select: { slaPolicyId: true } } },
    });
    if (candidates.length === 0) return none;

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
      const kind = current.state === SlaStageState.WARNING ? SlaAlertKind.WARNING
        : current.usedMinutes > 2 * current.allowedMinutes ? SlaAlertKind.BREACH_TWICE
        : SlaAlertKind.BREACH;
      const round = sla.stages.filter((s) => s.stage === current.stage).indexOf(current) + 1;
      due.push({
        tenantId,
        reportId: report.id,
        trackingCode: report.trackingCode,
        kind,
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
    if (due.length === 0) return none;

    const earliest = due.reduce((min, a) => (a.stageStartedAt < min ? a.stageStartedAt : min), now);
    const claimed = await tx.auditEntry.findMany({
      where: { at: { gte: earliest }, action: { in: Object.values(ACTION) }, subjectType: 'Report', subjectId: { in: due.map((a) => a.reportId) } },
      select: { subjectId: true, action: true, data: true },
    });
    const key = (reportId: string, stage: unknown, round: unknown) => `${reportId}|${String(stage)}|${String(round)}`;
    const kindOf = new Map(Object.entries(ACTION).map(([kind, action]) => [action, kind as SlaAlertKind]));
    // The highest step claimed so far per report, stage and round.
    const reached = new Map<string, number>();
    for (const c of claimed) {
      const k = key(c.subjectId, (c.data as { stage?: string }).stage, (c.data as { round?: number }).round);
      reached.set(k, Math.max(reached.get(k) ?? -1, RANK[kindOf.get(c.action) ?? SlaAlertKind.WARNING]));
    }
    const fresh = due.filter((a) => RANK[a.kind] > (reached.get(key(a.reportId, a.stage, a.round)) ?? -1));
    if (fresh.length === 0) return none;
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
    const notices: StaffNotificationRecord[] = [];
    for (const a of fresh) {
      notices.push(...(await notifyStaff(tx, record, {
        kind: NOTICE[a.kind],
        reportId: a.reportId,
        unitId: a.unitId,
        dedupeKey: `report:${a.reportId}:${ACTION[a.kind]}:${a.stage}:${a.round}`,
        data: { trackingCode: a.trackingCode, stage: a.stage, round: a.round, dueAt: a.dueAt.toISOString(), remainingMinutes: Math.round(a.remainingMinutes) },
      }, now)));
    }
    return { alerts: fresh, notices };
  });
}
