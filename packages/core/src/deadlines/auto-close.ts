import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import type { StaffNotificationRecord } from '../notifications/staff-notices.js';
import type { ReportEventRecord } from '../reports/report-event.js';
import { transitionReport } from '../reports/transition-report.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { DEADLINE_ACTOR } from './deadline-claims.js';
import { publishedAnswers } from './published-answers.js';
import { addWorkingDays } from './working-days.js';

/** A report the job closed. */
export interface AutoClosed {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  /** When the report was submitted (the statistics it counts in). */
  submittedAt: Date;
  /** The CLOSE event's sequence number on the timeline. */
  seq: number;
  /** The CLOSE event itself, and the staff inbox rows it wrote: to publish live, as for a close by the IOC. */
  event: ReportEventRecord;
  staffNotifications: StaffNotificationRecord[];
}

/** The note on the timeline: Vietnamese, then English. */
export const autoCloseReason = (days: number): string =>
  `Tự động đóng: người dân chưa đánh giá sau ${days} ngày làm việc kể từ khi công bố trả lời. / Closed automatically: not rated within ${days} working days of the published answer.`;

/**
 * Closes the reports the citizen has not rated: each report in PUBLISHED
 * whose answer was published `deadlines.autoCloseDays` working days ago or
 * more (the tenant's calendar) is closed by SYSTEM through the normal
 * transition (`transitionReport` CLOSE), so its timeline, derived columns,
 * KPIs and the citizen's notice follow as for a close by the IOC. The
 * transition is the claim: of several processes, one closes each report;
 * the others find it CLOSED (or changed meanwhile) and skip it. At `ctx.now()`.
 */
export async function closeUnratedReports(ctx: CoreContext, tenantId: string): Promise<AutoClosed[]> {
  const now = ctx.now();
  const tenant = await findTenantById(ctx, tenantId);
  const { autoCloseDays } = tenant.settings.deadlines;
  const due = await withTenant(ctx.db, tenantId, async (tx) => {
    const answers = await publishedAnswers(tx);
    if (answers.length === 0) return [];
    const oldest = answers.reduce((min, a) => (a.publishedAt < min ? a.publishedAt : min), now);
    const calendar = await loadTenantCalendar(tx, tenant, yearsAround(oldest, now));
    return answers.filter((a) => addWorkingDays(calendar, a.publishedAt, autoCloseDays) <= now);
  });
  const closed: AutoClosed[] = [];
  for (const report of due) {
    try {
      const { event, staffNotifications } = await transitionReport(ctx, tenantId, DEADLINE_ACTOR, report.id, { type: 'CLOSE', reason: autoCloseReason(autoCloseDays) });
      closed.push({ tenantId, reportId: report.id, trackingCode: report.trackingCode, submittedAt: report.submittedAt, seq: event.seq, event, staffNotifications });
    } catch (error) {
      // Rated, reopened or closed by another process meanwhile: nothing to do.
      if (error instanceof DomainError && (error.code === DomainErrorCode.ILLEGAL_TRANSITION || error.code === DomainErrorCode.CONFLICT)) continue;
      throw error;
    }
  }
  return closed;
}
