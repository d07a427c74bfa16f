import type { TenantTx } from '../db/with-tenant.js';
import { ReportEventType, ReportStatus } from '../reports/report-status.js';

/** A report whose answer is published and awaits the citizen's rating. */
export interface PublishedAnswer {
  id: string;
  trackingCode: string;
  submittedAt: Date;
  /** When the answer now shown was published (the last PUBLISH). */
  publishedAt: Date;
  /** 1 for the first published answer, 2 after a reopen and a new answer, … */
  round: number;
}

/** The tenant's reports in PUBLISHED (not yet rated or closed), with the time and round of their publication. Two queries. */
export async function publishedAnswers(tx: TenantTx): Promise<PublishedAnswer[]> {
  const reports = await tx.report.findMany({ where: { status: ReportStatus.PUBLISHED }, select: { id: true, trackingCode: true, submittedAt: true } });
  if (reports.length === 0) return [];
  const events = await tx.reportEvent.findMany({
    where: { reportId: { in: reports.map((r) => r.id) }, type: ReportEventType.PUBLISH },
    select: { reportId: true, at: true },
    orderBy: [{ reportId: 'asc' }, { seq: 'asc' }],
  });
  const byReport = new Map<string, { at: Date; count: number }>();
  for (const e of events) byReport.set(e.reportId, { at: e.at, count: (byReport.get(e.reportId)?.count ?? 0) + 1 });
  return reports.flatMap((r) => {
    const p = byReport.get(r.id);
    return p ? [{ id: r.id, trackingCode: r.trackingCode, submittedAt: r.submittedAt, publishedAt: p.at, round: p.count }] : [];
  });
}
