import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ReportEventData, ReportEventRecord } from '../reports/report-event.js';
import { projectReport } from '../reports/report-projection.js';
import { hashSecret, reportSecret } from '../reports/report-secret.js';
import { reportSearchText } from '../reports/search-text.js';
import { newTrackingCode } from '../reports/tracking-code.js';
import { computeSla } from '../sla/compute-sla.js';
import type { DemoTenant } from './demo-types.js';
import { generateHistory, type GeneratedReport } from './generate-history.js';
import { hashString, seededRandom } from './seeded-random.js';

export interface WriteDemoHistoryInput {
  demo: DemoTenant;
  tenantId: string;
  prefix: string;
  seed: number;
  calendar: WorkingCalendar;
  now: Date;
  unitIds: ReadonlyMap<string, string>;
  categoryIds: ReadonlyMap<string, string>;
}

const BATCH = 500;

/**
 * Writes the generated history in bulk. Each report's derived columns come
 * from the same pure functions the live workflow uses (projection and SLA
 * clock over its timeline), so the seeded data is what the workflow would
 * have stored.
 */
export async function writeDemoHistory(ctx: CoreContext, input: WriteDemoHistoryInput): Promise<number> {
  const { demo, tenantId, calendar, now } = input;
  const generated = generateHistory(demo, { seed: input.seed, calendar, now });
  const rng = seededRandom((input.seed ^ hashString(`codes:${demo.slug}`)) >>> 0);
  const policies = new Map(demo.slaPolicies.map((p) => [p.code, p]));
  const categories = new Map(demo.categories.map((c) => [c.code, c]));

  const reports: Prisma.ReportCreateManyInput[] = [];
  const contacts: Prisma.ReporterContactCreateManyInput[] = [];
  const events: Prisma.ReportEventCreateManyInput[] = [];
  for (const g of generated) {
    const id = crypto.randomUUID();
    const category = categories.get(g.categoryCode)!;
    const categoryId = input.categoryIds.get(g.categoryCode)!;
    const visibility = category.isPublic ? ('PUBLIC' as const) : ('PRIVATE' as const);
    const timeline = toRecords(g, input, categoryId, visibility);
    const projection = projectReport(timeline);
    const sla = computeSla(
      timeline.map((e) => ({ type: e.type, at: e.at, toStatus: e.toStatus, extensionMinutes: e.data.extensionMinutes })),
      calendar,
      policies.get(category.slaPolicyCode)!,
      now,
    );
    const trackingCode = newTrackingCode(input.prefix, (max) => rng.int(0, max - 1));
    reports.push({
      id,
      tenantId,
      trackingCode,
      searchText: reportSearchText({ ...g, trackingCode }),
      secretHash: hashSecret(reportSecret(ctx.secretKey, id)),
      title: g.title,
      description: g.description,
      categoryId: projection.categoryId,
      unitId: projection.unitId,
      status: projection.status,
      channel: g.channel,
      visibility,
      latitude: g.latitude,
      longitude: g.longitude,
      address: g.address,
      areaCode: g.areaCode,
      submittedAt: g.submittedAt,
      updatedAt: projection.updatedAt,
      dueAt: sla.current?.dueAt ?? sla.resolution?.dueAt ?? null,
      answerDueAt: sla.answerDueAt,
      resolvedAt: projection.resolvedAt,
      resolutionOutcome: projection.resolutionOutcome,
      closedAt: projection.closedAt,
      resolvedOnTime: sla.outcome === 'ON_TIME' ? true : sla.outcome === 'OVERDUE' ? false : null,
      answer: projection.answer,
      rating: projection.rating,
      ratingComment: projection.ratingComment,
      version: projection.version,
    });
    contacts.push({ reportId: id, tenantId, fullName: g.reporter.fullName, phone: g.reporter.phone, email: null });
    for (const e of timeline) {
      events.push({
        tenantId,
        reportId: id,
        seq: e.seq,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorId: null,
        actorRole: e.actorRole,
        at: e.at,
        reason: e.reason,
        data: e.data as object,
      });
    }
  }
  await withTenant(
    ctx.db,
    tenantId,
    async (tx) => {
      for (let i = 0; i < reports.length; i += BATCH) await tx.report.createMany({ data: reports.slice(i, i + BATCH) });
      for (let i = 0; i < contacts.length; i += BATCH) await tx.reporterContact.createMany({ data: contacts.slice(i, i + BATCH) });
      for (let i = 0; i < events.length; i += BATCH) await tx.reportEvent.createMany({ data: events.slice(i, i + BATCH) });
    },
    { timeoutMs: 300_000 },
  );
  return reports.length;
}

function toRecords(g: GeneratedReport, input: WriteDemoHistoryInput, categoryId: string, visibility: 'PUBLIC' | 'PRIVATE'): ReportEventRecord[] {
  let previous: ReportEventRecord['toStatus'] | null = null;
  return g.events.map((e, i) => {
    const data: ReportEventData = {};
    if (e.type === 'SUBMIT' || e.type === 'CLASSIFY') Object.assign(data, { categoryId, visibility });
    if (e.type === 'ASSIGN' && e.unitCode) data.unitId = input.unitIds.get(e.unitCode)!;
    if (e.extensionMinutes !== undefined) data.extensionMinutes = e.extensionMinutes;
    if (e.answer !== undefined) data.answer = e.answer;
    if (e.rating !== undefined) data.rating = e.rating;
    if (e.rejection !== undefined) data.rejection = e.rejection;
    const record: ReportEventRecord = {
      seq: i + 1,
      type: e.type,
      fromStatus: previous,
      toStatus: e.toStatus,
      actorId: null,
      actorRole: e.actorRole,
      at: e.at,
      reason: e.reason ?? null,
      data,
    };
    previous = e.toStatus;
    return record;
  });
}
