import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { enqueueCitizenReminder } from '../notifications/notification-outbox.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { claimedKeys, DeadlineLock, lockDeadlineJob, recordClaims } from './deadline-claims.js';
import { publishedAnswers } from './published-answers.js';
import { addWorkingDays } from './working-days.js';

const ACTION = 'deadline.rating-reminder';

/** A reminder claimed: identifiers only. */
export interface RatingReminderClaim {
  reportId: string;
  trackingCode: string;
  round: number;
  publishedAt: Date;
}

/**
 * Reminds citizens to rate a published answer: each report in PUBLISHED
 * whose answer was published `deadlines.ratingReminderDays` working days
 * ago or more (the tenant's calendar) gets one reminder per published
 * answer (round), queued for the citizen (`enqueueCitizenReminder`: e-mail
 * and/or SMS as the tenant's settings say) and claimed in the audit log
 * (`deadline.rating-reminder` by SYSTEM) in one transaction, under a
 * per-tenant advisory lock: of several processes, one claims each reminder.
 * At `ctx.now()`.
 */
export async function remindCitizensToRate(ctx: CoreContext, tenantId: string): Promise<RatingReminderClaim[]> {
  const now = ctx.now();
  const tenant = await findTenantById(ctx, tenantId);
  const { ratingReminderDays } = tenant.settings.deadlines;
  return withTenant(ctx.db, tenantId, async (tx) => {
    await lockDeadlineJob(tx, DeadlineLock.RATING_REMINDERS, tenantId);
    const answers = await publishedAnswers(tx);
    if (answers.length === 0) return [];
    const oldest = answers.reduce((min, a) => (a.publishedAt < min ? a.publishedAt : min), now);
    const calendar = await loadTenantCalendar(tx, tenant, yearsAround(oldest, now));
    const due = answers.filter((a) => addWorkingDays(calendar, a.publishedAt, ratingReminderDays) <= now);
    const seen = await claimedKeys(tx, ACTION, due.map((a) => a.id), (d) => String(d.round));
    const fresh = due.filter((a) => !seen.has(`${a.id}|${a.round}`));
    await recordClaims(tx, tenantId, now, ACTION, 'Report', fresh.map((a) => ({ subjectId: a.id, data: { round: a.round, publishedAt: a.publishedAt.toISOString() } })));
    for (const a of fresh) {
      await enqueueCitizenReminder(tx, tenant, { id: a.id, trackingCode: a.trackingCode }, { kind: 'RATING_REMINDER', round: a.round }, now);
    }
    return fresh.map((a) => ({ reportId: a.id, trackingCode: a.trackingCode, round: a.round, publishedAt: a.publishedAt }));
  });
}
