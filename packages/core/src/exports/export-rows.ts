import { DateTime } from 'luxon';
import { lagTolerant, type CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { reportKpis, type KpiRow } from '../kpi/report-kpis.js';
import { ReportEventType } from '../reports/report-status.js';
import { computeSla } from '../sla/compute-sla.js';
import type { SlaPolicyRule, SlaTimelineEvent } from '../sla/sla-types.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { checkFormerTenantFilter, formerTenantCondition } from '../tenants/former-tenants.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ExportKind, type CheckedExportFilters } from './export-filters.js';

/** One column of an export: its key and its header, Vietnamese first ("Mã phản ánh / Tracking code"). */
export interface ExportColumn {
  key: string;
  vi: string;
  en: string;
}

export type ExportCell = string | number | null;
export type ExportRow = Record<string, ExportCell>;

/** The report list with its SLA fields. Never the reporter's contact. */
export const REPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'trackingCode', vi: 'Mã phản ánh', en: 'Tracking code' },
  { key: 'title', vi: 'Tiêu đề', en: 'Title' },
  { key: 'category', vi: 'Lĩnh vực', en: 'Category' },
  { key: 'unit', vi: 'Đơn vị xử lý', en: 'Handling unit' },
  { key: 'status', vi: 'Trạng thái', en: 'Status' },
  { key: 'channel', vi: 'Kênh', en: 'Channel' },
  { key: 'receivedAt', vi: 'Ngày tiếp nhận', en: 'Received' },
  { key: 'dueAt', vi: 'Hạn trả lời', en: 'Answer due' },
  { key: 'resolvedAt', vi: 'Ngày trả lời', en: 'Answered' },
  { key: 'outcome', vi: 'Kết quả SLA', en: 'SLA outcome' },
  { key: 'breached', vi: 'Quá hạn', en: 'Breached' },
  { key: 'pausedMinutes', vi: 'Thời gian tạm dừng (phút)', en: 'Paused time (minutes)' },
  { key: 'stageUnits', vi: 'Đơn vị theo bước', en: 'Unit per stage' },
];

/** The cells of a KPI row: every figure of docs/kpis.md (the deprecated duplicates `onTime`, `overdue`, `inProgress` under their own names). */
type KpiCellKey = Exclude<keyof KpiRow, 'area' | 'onTime' | 'overdue' | 'inProgress'>;

/** The KPI table: the group, then every figure of docs/kpis.md, each sample size next to its rate. */
export const KPI_COLUMNS: readonly (ExportColumn & { key: KpiCellKey })[] = [
  { key: 'key', vi: 'Mã nhóm', en: 'Group key' },
  { key: 'label', vi: 'Tên', en: 'Name' },
  { key: 'labelEn', vi: 'Tên tiếng Anh', en: 'English name' },
  { key: 'received', vi: 'Tiếp nhận', en: 'Received' },
  { key: 'classified', vi: 'Đã phân loại', en: 'Classified' },
  { key: 'rejected', vi: 'Từ chối', en: 'Rejected' },
  { key: 'resolved', vi: 'Đã giải quyết', en: 'Resolved' },
  { key: 'resolvedOnTime', vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  { key: 'resolvedLate', vi: 'Giải quyết quá hạn', en: 'Resolved late' },
  { key: 'notFixed', vi: 'Đóng – không khắc phục', en: 'Closed – not fixed' },
  { key: 'open', vi: 'Chưa trả lời', en: 'Open' },
  { key: 'openWithinDeadline', vi: 'Đang xử lý trong hạn', en: 'Open within deadline' },
  { key: 'openOverdue', vi: 'Chưa trả lời quá hạn', en: 'Open overdue' },
  { key: 'returned', vi: 'Bị trả lại (sai đơn vị)', en: 'Returned (wrong unit)' },
  { key: 'reopened', vi: 'Bị mở lại', en: 'Reopened' },
  { key: 'medianHandlingHours', vi: 'Thời gian xử lý trung vị (giờ làm việc)', en: 'Median handling (working hours)' },
  { key: 'p90HandlingHours', vi: 'Thời gian xử lý P90 (giờ làm việc)', en: '90th percentile handling (working hours)' },
  { key: 'ratings', vi: 'Lượt đánh giá (mẫu)', en: 'Ratings (sample)' },
  { key: 'satisfiedShare', vi: 'Tỷ lệ hài lòng', en: 'Satisfied share' },
  { key: 'avgRating', vi: 'Điểm đánh giá TB', en: 'Avg. rating' },
  { key: 'published', vi: 'Đã công khai', en: 'Published' },
  { key: 'publishedShare', vi: 'Tỷ lệ công khai', en: 'Published share' },
  { key: 'avgResolutionHours', vi: 'Thời gian giải quyết TB (giờ thực)', en: 'Avg. resolution (wall-clock hours)' },
];

export const columnsOf = (kind: ExportKind): readonly ExportColumn[] => (kind === ExportKind.REPORTS ? REPORT_COLUMNS : KPI_COLUMNS);
/** The header cell: Vietnamese, then English. */
export const headerOf = (c: ExportColumn): string => `${c.vi} / ${c.en}`;

/** Rows read per database round trip; memory holds one chunk at a time. */
export const EXPORT_CHUNK_SIZE = 500;

interface Cursor { at: Date; id: string }

interface ChunkEvent { reportId: string; type: string; at: Date; toStatus: SlaTimelineEvent['toStatus']; data: unknown }

interface ChunkRow {
  id: string;
  tracking_code: string;
  title: string;
  category: string | null;
  category_policy: string | null;
  unit: string | null;
  status: string;
  channel: string;
  submitted_at: Date;
  resolved_at: Date | null;
}

/**
 * The rows of an export, chunk by chunk (keyset pagination on submission time
 * and id, one short tenant transaction per chunk), so memory stays bounded
 * whatever the number of reports. KPI tables are one small chunk.
 */
export async function* exportRows(ctx: CoreContext, tenantId: string, kind: ExportKind, filters: CheckedExportFilters, chunkSize = EXPORT_CHUNK_SIZE): AsyncGenerator<ExportRow[]> {
  const tenant = await findTenantById(ctx, tenantId);
  // Jobs queued before the filter existed have none.
  const formerTenantId = await checkFormerTenantFilter(ctx, tenant, filters.formerTenantId ?? undefined, 'filters.formerTenantId');
  if (kind === ExportKind.KPIS) {
    const rows = await reportKpis(lagTolerant(ctx), tenantId, { from: filters.from, to: filters.to, groupBy: filters.groupBy, includePrivate: true, formerTenantId });
    yield rows.map((r) => Object.fromEntries(KPI_COLUMNS.map((c) => [c.key, r[c.key]])));
    return;
  }
  const start = DateTime.fromISO(filters.from, { zone: tenant.timezone }).startOf('day');
  const end = DateTime.fromISO(filters.to, { zone: tenant.timezone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid || !end.isValid) throw validationError([{ path: 'filters.from', message: 'must be a real day' }]);
  const now = ctx.now();
  const local = (d: Date | null): string | null => (d ? DateTime.fromJSDate(d, { zone: tenant.timezone }).toFormat('yyyy-MM-dd HH:mm') : null);

  let calendar: WorkingCalendar | null = null;
  let policies: Map<string, SlaPolicyRule> | null = null;
  let unclassified: SlaPolicyRule | null = null;
  let unitNames: Map<string, string> | null = null;
  let cursor: Cursor | null = null;

  for (;;) {
    const after: Cursor | null = cursor;
    // Exports tolerate replication lag: read from the replica when there is one.
    const chunk: { rows: ChunkRow[]; events: ChunkEvent[] } = await withTenant(ctx.db, tenantId, async (tx) => {
      if (!calendar) {
        calendar = await loadTenantCalendar(tx, tenant, yearsAround(start.toJSDate(), now));
        const list = await tx.slaPolicy.findMany({ orderBy: [{ classifyMinutes: 'asc' }, { code: 'asc' }] });
        policies = new Map(list.map((p) => [p.id, p]));
        unclassified = list[0] ?? null;
        unitNames = new Map((await tx.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
      }
      const rows = await tx.$queryRaw<ChunkRow[]>`
        SELECT r.id, r.tracking_code, r.title, c.name AS category, c.sla_policy_id::text AS category_policy, u.name AS unit,
               r.status::text AS status, r.channel::text AS channel, r.submitted_at, r.resolved_at
          FROM reports r
          LEFT JOIN categories c ON c.id = r.category_id
          LEFT JOIN units u ON u.id = r.unit_id
         WHERE r.tenant_id = ${tenantId}::uuid
           AND r.submitted_at >= ${start.toJSDate()} AND r.submitted_at < ${end.toJSDate()}
           ${filters.status ? Prisma.sql`AND r.status::text = ${filters.status}` : Prisma.empty}
           ${filters.unitId ? Prisma.sql`AND r.unit_id = ${filters.unitId}::uuid` : Prisma.empty}
           ${filters.categoryId ? Prisma.sql`AND r.category_id = ${filters.categoryId}::uuid` : Prisma.empty}
           ${formerTenantCondition(formerTenantId)}
           ${after ? Prisma.sql`AND r.submitted_at >= ${after.at} AND (r.submitted_at, r.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY r.submitted_at, r.id
         LIMIT ${chunkSize}`;
      const events: ChunkEvent[] = rows.length === 0 ? [] : await tx.reportEvent.findMany({
        where: { reportId: { in: rows.map((r) => r.id) } },
        orderBy: [{ reportId: 'asc' }, { seq: 'asc' }],
        select: { reportId: true, type: true, at: true, toStatus: true, data: true },
      });
      return { rows, events };
    }, { lagTolerant: true });
    if (chunk.rows.length === 0) return;
    const timelines = new Map<string, ChunkEvent[]>();
    for (const e of chunk.events) {
      const list = timelines.get(e.reportId);
      if (list) list.push(e); else timelines.set(e.reportId, [e]);
    }
    yield chunk.rows.map((r) => {
      const events = timelines.get(r.id) ?? [];
      const policy = (r.category_policy && policies!.get(r.category_policy)) || unclassified;
      const timeline: SlaTimelineEvent[] = events.map((e) => ({
        type: e.type as SlaTimelineEvent['type'],
        at: e.at,
        toStatus: e.toStatus,
        extensionMinutes: (e.data as { extensionMinutes?: number } | null)?.extensionMinutes,
      }));
      const sla = policy && timeline.length ? computeSla(timeline, calendar!, policy, now) : null;
      // The unit that held each ACCEPT/RESOLVE stage, from the ASSIGN and FORWARD steps, in order.
      const units: string[] = [];
      for (const e of events) {
        const unitId = (e.data as { unitId?: string } | null)?.unitId;
        if ((e.type === ReportEventType.ASSIGN || e.type === ReportEventType.FORWARD) && unitId) units.push(unitNames!.get(unitId) ?? unitId);
      }
      const breached = sla ? sla.breached || sla.stages.some((s) => s.state === 'MISSED' || s.state === 'BREACHED') : null;
      return {
        trackingCode: r.tracking_code,
        title: r.title,
        category: r.category,
        unit: r.unit,
        status: r.status,
        channel: r.channel,
        receivedAt: local(r.submitted_at),
        dueAt: local(sla?.answerDueAt ?? sla?.current?.dueAt ?? null),
        resolvedAt: local(r.resolved_at),
        outcome: sla?.outcome ?? null,
        breached: breached === null ? null : breached ? 'Có / Yes' : 'Không / No',
        pausedMinutes: sla ? Math.round(sla.stages.reduce((sum, s) => sum + s.pausedMinutes, 0)) : null,
        stageUnits: units.join(' → ') || null,
      };
    });
    const last = chunk.rows[chunk.rows.length - 1]!;
    cursor = { at: last.submitted_at, id: last.id };
    if (chunk.rows.length < chunkSize) return;
  }
}
