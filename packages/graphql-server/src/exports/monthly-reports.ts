import {
  enqueueMessage,
  exportRows,
  listTenants,
  loadAnswerDueCalendar,
  monthlyReportDedupeKey,
  monthlyReportDue,
  monthlyReportExportId,
  monthlyReportMail,
  NotificationChannel,
  signExportLink,
  withTenant,
  type CheckedExportFilters,
  type CoreContext,
  type ExportRow,
  type TenantRecord,
} from '@paht/core';
import { describeUnexpected } from '../errors/redact.js';
import type { JobRunner, TaskData } from '../jobs/job-runner.js';
import type { ExportQueue } from './export-jobs.js';
import type { ExportStore } from './export-store.js';

/** The scheduled monthly KPI reports by e-mail. */
export const MONTHLY_REPORT_TASK = 'exports-monthly-report';
/** How often the job looks for a report due: hourly (a report is due from the first working day's opening hour). */
export const MONTHLY_REPORT_EVERY_MS = 60 * 60_000;
/** How long the monthly file and its link last: 30 days. */
export const MONTHLY_REPORT_KEEP_SECONDS = 30 * 24 * 60 * 60;

interface Logger {
  error(details: object, message: string): void;
}

/** What one run did (the job's output): per tenant, the month and how many e-mails it queued now. */
export interface MonthlyReportOutput extends TaskData {
  reports: Array<{ tenantId: string; month: string; exportId: string; queued: number }>;
  failedTenants: string[];
}

export interface MonthlyReportOptions {
  /** The API's public address (`PAHT_PUBLIC_URL`, e.g. `https://api.paht.gov.vn`) for the link in the e-mail; without it the e-mail has the figures only. */
  publicUrl?: string | null;
  everyMs?: number;
}

async function tenantSummary(core: CoreContext, tenantId: string, filters: CheckedExportFilters): Promise<ExportRow | null> {
  for await (const rows of exportRows(core, tenantId, 'KPIS', { ...filters, groupBy: 'TENANT' })) return rows[0] ?? null;
  return null;
}

/**
 * Defines the monthly report job: for each tenant with recipients
 * (`monthlyReport.recipients`), from the first working day of a month on
 * (its calendar, at the core's clock), last month's KPI table per unit is
 * written as an Excel export kept 30 days, and each recipient gets the
 * tenant's figures with a signed link through the outbox, once (a dedupe key
 * per recipient and month). Runs hourly; a run that finds every e-mail of
 * the month queued does nothing.
 */
export function defineMonthlyReports(jobs: JobRunner, core: CoreContext, store: ExportStore, queue: ExportQueue, log: Logger, options: MonthlyReportOptions = {}): void {
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') || null;

  async function forTenant(tenant: TenantRecord): Promise<MonthlyReportOutput['reports'][number] | null> {
    const recipients = tenant.settings.monthlyReport?.recipients ?? [];
    if (recipients.length === 0) return null;
    const now = core.now();
    const period = monthlyReportDue(await loadAnswerDueCalendar(core, tenant), now);
    if (!period) return null;
    const exportId = monthlyReportExportId(tenant.id, period.month);
    const keys = new Map(recipients.map((r) => [r, monthlyReportDedupeKey(period.month, r)]));
    const queuedBefore = await withTenant(core.db, tenant.id, (tx) =>
      tx.notificationOutbox.count({ where: { tenantId: tenant.id, channel: NotificationChannel.EMAIL, dedupeKey: { in: [...keys.values()] } } }),
    );
    if (queuedBefore === keys.size) return null;

    const filters: CheckedExportFilters = { from: period.from, to: period.to, status: null, unitId: null, categoryId: null, groupBy: 'UNIT' };
    let job = await store.find(tenant.id, exportId);
    if (!job) {
      job = await store.create({ tenantId: tenant.id, requestedBy: null, kind: 'KPIS', format: 'XLSX', filters, createdAt: now.toISOString(), keepSeconds: MONTHLY_REPORT_KEEP_SECONDS }, exportId);
    }
    if (job.status !== 'READY') {
      await queue.run(tenant.id, exportId);
      job = await store.find(tenant.id, exportId);
    }
    let link: { url: string; expiresAt: Date } | null = null;
    if (publicUrl && job?.status === 'READY' && job.expiresAt) {
      const expiresAt = new Date(job.expiresAt);
      const grant = signExportLink(core.secretKey, tenant.id, exportId, now, Math.max(0, (expiresAt.getTime() - now.getTime()) / 1000));
      link = { url: `${publicUrl}/exports/files/${exportId}?tenant=${encodeURIComponent(tenant.slug)}&expires=${grant.expires}&signature=${grant.signature}`, expiresAt };
    }
    const mail = monthlyReportMail(tenant, period, await tenantSummary(core, tenant.id, filters), link);
    let queued = 0;
    await withTenant(core.db, tenant.id, async (tx) => {
      for (const [recipient, dedupeKey] of keys) {
        if (await enqueueMessage(tx, tenant.id, { channel: NotificationChannel.EMAIL, recipient, subject: mail.subject, body: mail.body, dedupeKey }, now)) queued++;
      }
    });
    return { tenantId: tenant.id, month: period.month, exportId, queued };
  }

  jobs.define({
    name: MONTHLY_REPORT_TASK,
    policy: 'singleton',
    everyMs: options.everyMs ?? MONTHLY_REPORT_EVERY_MS,
    expireInSeconds: 2 * 60 * 60,
    run: async (): Promise<MonthlyReportOutput> => {
      const output: MonthlyReportOutput = { reports: [], failedTenants: [] };
      for (const tenant of await listTenants(core)) {
        try {
          const report = await forTenant(tenant);
          if (report) output.reports.push(report);
        } catch (error) {
          log.error({ tenantId: tenant.id, error: describeUnexpected(error) }, 'Monthly report failed for tenant');
          output.failedTenants.push(tenant.id);
        }
      }
      return output;
    },
  });
}
