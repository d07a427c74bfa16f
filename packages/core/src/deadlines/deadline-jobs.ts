import type { CoreContext } from '../context.js';
import { remindFormDeadlines, type FormReminderSent } from '../indicators/indicator-form-reminders.js';
import type { StaffNotificationRecord } from '../notifications/staff-notices.js';
import { runSlaDeadlines, type SlaAlert } from '../sla/sla-alerts.js';
import { listTenants } from '../tenants/tenant-directory.js';
import { closeUnratedReports, type AutoClosed } from './auto-close.js';
import { alertMissingFocalPoints, type FocalPointGap } from './focal-point-gaps.js';
import { remindCitizensToRate, type RatingReminderClaim } from './rating-reminders.js';

/** The scheduled deadline jobs (docs/deadlines.md). Each is idempotent: it claims what it does in the database. */
export const DeadlineJob = {
  /** Stage warnings, breaches and breaches at twice the allowance: live alerts and staff notices. */
  SLA_ALERTS: 'sla-alerts',
  /** Remind citizens to rate a published answer. */
  RATING_REMINDERS: 'rating-reminders',
  /** Close published reports left unrated. */
  AUTO_CLOSE: 'auto-close',
  /** Alert the IOC to units without both focal points. */
  FOCAL_POINTS: 'focal-points',
  /** Remind units of report forms due soon or overdue (docs/indicators.md). */
  FORM_REMINDERS: 'form-reminders',
} as const;
export type DeadlineJob = (typeof DeadlineJob)[keyof typeof DeadlineJob];
export const DEADLINE_JOBS: readonly DeadlineJob[] = Object.values(DeadlineJob);

export const isDeadlineJob = (value: string): value is DeadlineJob => (DEADLINE_JOBS as readonly string[]).includes(value);

/** What one run of a job did, over every tenant. Identifiers and times only. */
export interface DeadlineJobRun {
  job: DeadlineJob;
  /** When it ran (`ctx.now()`). */
  at: Date;
  alerts: SlaAlert[];
  notices: StaffNotificationRecord[];
  reminders: RatingReminderClaim[];
  closed: AutoClosed[];
  focalPointGaps: FocalPointGap[];
  formReminders: FormReminderSent[];
  /** Tenants whose run failed (the others still ran); retried at the next run. */
  failedTenants: Array<{ tenantId: string; error: unknown }>;
}

/**
 * Runs one deadline job for every tenant at `ctx.now()`. A tenant's failure
 * does not stop the others; it is reported in `failedTenants`. Safe to call
 * from several processes at once: each action is claimed once in the
 * database.
 */
export async function runDeadlineJob(ctx: CoreContext, job: DeadlineJob): Promise<DeadlineJobRun> {
  const run: DeadlineJobRun = { job, at: ctx.now(), alerts: [], notices: [], reminders: [], closed: [], focalPointGaps: [], formReminders: [], failedTenants: [] };
  for (const tenant of await listTenants(ctx)) {
    try {
      switch (job) {
        case DeadlineJob.SLA_ALERTS: {
          const { alerts, notices } = await runSlaDeadlines(ctx, tenant.id);
          run.alerts.push(...alerts);
          run.notices.push(...notices);
          break;
        }
        case DeadlineJob.RATING_REMINDERS:
          run.reminders.push(...(await remindCitizensToRate(ctx, tenant.id)));
          break;
        case DeadlineJob.AUTO_CLOSE:
          run.closed.push(...(await closeUnratedReports(ctx, tenant.id)));
          break;
        case DeadlineJob.FOCAL_POINTS: {
          const { gaps, notices } = await alertMissingFocalPoints(ctx, tenant.id);
          run.focalPointGaps.push(...gaps);
          run.notices.push(...notices);
          break;
        }
        case DeadlineJob.FORM_REMINDERS: {
          const { reminders, notices } = await remindFormDeadlines(ctx, tenant.id);
          run.formReminders.push(...reminders);
          run.notices.push(...notices);
          break;
        }
      }
    } catch (error) {
      run.failedTenants.push({ tenantId: tenant.id, error });
    }
  }
  return run;
}
