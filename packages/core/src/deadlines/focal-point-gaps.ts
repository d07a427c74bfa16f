import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { notifyStaff, StaffNoticeKind, type StaffNotificationRecord } from '../notifications/staff-notices.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { claimedKeys, DeadlineLock, lockDeadlineJob, recordClaims } from './deadline-claims.js';
import { addWorkingDays } from './working-days.js';

const ACTION = 'deadline.focal-points-missing';
const ROLES = ['LEADER', 'STAFF'] as const;
type FocalRole = (typeof ROLES)[number];

interface FocalRow {
  role: FocalRole;
  validFrom: Date;
  validTo: Date | null;
}

/**
 * Since when the unit has lacked one of its two focal points (an open
 * LEADER row and an open STAFF row) at `now`, or null when it has both.
 * A role never filled is missing since the unit was created; a role whose
 * rows have all ended, since the last of them ended. Pure.
 */
export function focalPointGapSince(unitCreatedAt: Date, rows: readonly FocalRow[], now: Date): Date | null {
  let since: Date | null = null;
  for (const role of ROLES) {
    const mine = rows.filter((r) => r.role === role && r.validFrom <= now);
    if (mine.some((r) => r.validTo === null || r.validTo > now)) continue;
    const ended = mine.length === 0 ? unitCreatedAt : mine.reduce<Date>((last, r) => (r.validTo! > last ? r.validTo! : last), mine[0]!.validTo!);
    if (since === null || ended < since) since = ended;
  }
  return since;
}

/** A gap claimed: the unit, and since when it lacks a focal point. */
export interface FocalPointGap {
  unitId: string;
  unitCode: string;
  gapStartedAt: Date;
  missing: FocalRole[];
}

/**
 * Alerts the IOC to units that have gone more than
 * `deadlines.focalPointGraceDays` working days (default 3, Decision
 * 878/QĐ-UBND) without both focal points: a FOCAL_POINTS_MISSING staff
 * notice (`notifyStaff`) and an audit entry (`deadline.focal-points-missing`
 * by SYSTEM, keyed by the gap's start) written in one transaction under a
 * per-tenant advisory lock: once per gap, whichever process runs it. A new
 * gap (both named again, then one leaves) is alerted again. Active units
 * only. At `ctx.now()`.
 */
export async function alertMissingFocalPoints(ctx: CoreContext, tenantId: string): Promise<{ gaps: FocalPointGap[]; notices: StaffNotificationRecord[] }> {
  const now = ctx.now();
  const tenant = await findTenantById(ctx, tenantId);
  const { focalPointGraceDays } = tenant.settings.deadlines;
  return withTenant(ctx.db, tenantId, async (tx) => {
    await lockDeadlineJob(tx, DeadlineLock.FOCAL_POINTS, tenantId);
    const units = await tx.unit.findMany({
      where: { active: true },
      select: { id: true, code: true, createdAt: true, focalPoints: { select: { role: true, validFrom: true, validTo: true } } },
    });
    const open = units.flatMap((u) => {
      const since = focalPointGapSince(u.createdAt, u.focalPoints, now);
      if (!since) return [];
      const missing = ROLES.filter((role) => !u.focalPoints.some((r) => r.role === role && r.validFrom <= now && (r.validTo === null || r.validTo > now)));
      return [{ unitId: u.id, unitCode: u.code, gapStartedAt: since, missing }];
    });
    if (open.length === 0) return { gaps: [], notices: [] };
    const oldest = open.reduce((min, g) => (g.gapStartedAt < min ? g.gapStartedAt : min), now);
    const calendar = await loadTenantCalendar(tx, tenant, yearsAround(oldest, now));
    const due = open.filter((g) => addWorkingDays(calendar, g.gapStartedAt, focalPointGraceDays) < now);
    const seen = await claimedKeys(tx, ACTION, due.map((g) => g.unitId), (d) => String(d.gapStartedAt));
    const fresh = due.filter((g) => !seen.has(`${g.unitId}|${g.gapStartedAt.toISOString()}`));
    await recordClaims(tx, tenantId, now, ACTION, 'Unit', fresh.map((g) => ({ subjectId: g.unitId, data: { gapStartedAt: g.gapStartedAt.toISOString(), missing: g.missing } })));
    const notices: StaffNotificationRecord[] = [];
    for (const g of fresh) {
      notices.push(...(await notifyStaff(tx, tenant, {
        kind: StaffNoticeKind.FOCAL_POINTS_MISSING,
        unitId: g.unitId,
        dedupeKey: `unit:${g.unitId}:focal-points-missing:${g.gapStartedAt.toISOString()}`,
        data: { unitCode: g.unitCode, gapStartedAt: g.gapStartedAt.toISOString(), missing: g.missing.join(',') },
      }, now)));
    }
    return { gaps: fresh, notices };
  });
}
