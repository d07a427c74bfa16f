import { tenantSqlOf, type TenantTx } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { mailFocalPoints } from './focal-point-mail.js';

/** What a staff member is told of, in the in-app inbox. */
export const StaffNoticeKind = {
  NEW_REPORT: 'NEW_REPORT',
  NEW_WORK: 'NEW_WORK',
  RETURNED: 'RETURNED',
  REOPENED: 'REOPENED',
  CITIZEN_REPLIED: 'CITIZEN_REPLIED',
  DEADLINE_NEAR: 'DEADLINE_NEAR',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
  DEADLINE_PASSED_TWICE: 'DEADLINE_PASSED_TWICE',
  FOCAL_POINTS_MISSING: 'FOCAL_POINTS_MISSING',
  /** A background export the staff member asked for is ready to download. */
  EXPORT_READY: 'EXPORT_READY',
  /** An officer asks the unit leader for an extension. */
  EXTENSION_REQUESTED: 'EXTENSION_REQUESTED',
  /** A draft answer (an officer's or an answer link's) awaits the unit leader. */
  ANSWER_AWAITING_APPROVAL: 'ANSWER_AWAITING_APPROVAL',
  /** A sub-unit returned a report the unit had forwarded to it. */
  RETURNED_BY_SUB_UNIT: 'RETURNED_BY_SUB_UNIT',
  /** A unit's indicator value for a period misses the indicator's target (`data`: indicatorId, code, period, value, target). */
  INDICATOR_TARGET_MISSED: 'INDICATOR_TARGET_MISSED',
  /** A report form the unit has not submitted is due within 3 working days, or tomorrow (`data`: formId, formCode, period, deadline, reminder). */
  INDICATOR_FORM_DUE: 'INDICATOR_FORM_DUE',
  /** A report form the unit has not submitted is past its deadline (`data` as INDICATOR_FORM_DUE). */
  INDICATOR_FORM_OVERDUE: 'INDICATOR_FORM_OVERDUE',
} as const;
export type StaffNoticeKind = (typeof StaffNoticeKind)[keyof typeof StaffNoticeKind];
export const STAFF_NOTICE_KINDS = Object.values(StaffNoticeKind);

/** Who, among the tenant's active staff, receives a notice. */
export const StaffAudience = {
  /** Every IOC operator. */
  IOC_OPERATORS: 'IOC_OPERATORS',
  /** Officers and leaders of the notice's unit. */
  UNIT_STAFF: 'UNIT_STAFF',
  /** Leaders of the notice's unit. */
  UNIT_LEADERS: 'UNIT_LEADERS',
  /** Whoever holds the report: the notice's unit's staff, or the IOC operators when it names no unit. */
  HOLDER: 'HOLDER',
  /** The tenant-wide LEADER role (provincial leaders). */
  TENANT_LEADERS: 'TENANT_LEADERS',
  /** Tenant admins. */
  TENANT_ADMINS: 'TENANT_ADMINS',
  /** The one staff member named by the notice's `staffUserId` (who asked for it). */
  REQUESTER: 'REQUESTER',
} as const;
export type StaffAudience = (typeof StaffAudience)[keyof typeof StaffAudience];

export interface StaffNoticeRule {
  audience: readonly StaffAudience[];
  /** Also e-mail the current focal points of the notice's unit (through the outbox, once per notice and focal point). */
  emailFocalPoints: boolean;
  title: { vi: string; en: string };
}

const A = StaffAudience;

/** Each kind of notice, as one table: who gets it and its title, Vietnamese first. */
export const STAFF_NOTICES: Readonly<Record<StaffNoticeKind, StaffNoticeRule>> = {
  NEW_REPORT: {
    audience: [A.IOC_OPERATORS],
    emailFocalPoints: false,
    title: { vi: 'Có phản ánh mới cần phân loại', en: 'A new report arrived' },
  },
  NEW_WORK: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: false,
    title: { vi: 'Đơn vị được giao phản ánh mới', en: 'A report was assigned to your unit' },
  },
  RETURNED: {
    audience: [A.IOC_OPERATORS],
    emailFocalPoints: false,
    title: { vi: 'Đơn vị trả lại phản ánh', en: 'A unit returned a report' },
  },
  REOPENED: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: false,
    title: { vi: 'Người dân mở lại phản ánh', en: 'The citizen reopened a report' },
  },
  CITIZEN_REPLIED: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: false,
    title: { vi: 'Người dân đã bổ sung thông tin', en: 'The citizen provided the requested information' },
  },
  DEADLINE_NEAR: {
    audience: [A.HOLDER],
    emailFocalPoints: true,
    title: { vi: 'Phản ánh sắp đến hạn xử lý', en: 'A report is nearing its deadline' },
  },
  DEADLINE_PASSED: {
    audience: [A.UNIT_LEADERS, A.IOC_OPERATORS],
    emailFocalPoints: true,
    title: { vi: 'Phản ánh đã quá hạn xử lý', en: 'A report is past its deadline' },
  },
  DEADLINE_PASSED_TWICE: {
    audience: [A.UNIT_LEADERS, A.IOC_OPERATORS, A.TENANT_LEADERS],
    emailFocalPoints: true,
    title: { vi: 'Phản ánh quá hạn gấp đôi thời gian cho phép', en: 'A report is past twice its allowed time' },
  },
  FOCAL_POINTS_MISSING: {
    audience: [A.IOC_OPERATORS, A.TENANT_ADMINS],
    emailFocalPoints: false,
    title: { vi: 'Đơn vị thiếu đầu mối quá thời hạn', en: 'A unit has lacked its focal points beyond the allowed time' },
  },
  EXPORT_READY: {
    audience: [A.REQUESTER],
    emailFocalPoints: false,
    title: { vi: 'Tệp xuất dữ liệu đã sẵn sàng', en: 'Your export is ready to download' },
  },
  EXTENSION_REQUESTED: {
    audience: [A.UNIT_LEADERS],
    emailFocalPoints: false,
    title: { vi: 'Cán bộ đề nghị gia hạn xử lý phản ánh', en: 'An officer asks for an extension' },
  },
  ANSWER_AWAITING_APPROVAL: {
    audience: [A.UNIT_LEADERS],
    emailFocalPoints: false,
    title: { vi: 'Dự thảo kết quả xử lý chờ lãnh đạo duyệt', en: 'A draft answer awaits your approval' },
  },
  RETURNED_BY_SUB_UNIT: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: false,
    title: { vi: 'Đơn vị cấp dưới trả lại phản ánh', en: 'A sub-unit returned a report to your unit' },
  },
  INDICATOR_TARGET_MISSED: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: false,
    title: { vi: 'Chỉ tiêu kinh tế – xã hội không đạt kế hoạch', en: 'A socio-economic indicator missed its target' },
  },
  INDICATOR_FORM_DUE: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: true,
    title: { vi: 'Sắp đến hạn nộp báo cáo chỉ tiêu', en: 'A report form is due soon' },
  },
  INDICATOR_FORM_OVERDUE: {
    audience: [A.UNIT_STAFF],
    emailFocalPoints: true,
    title: { vi: 'Đã quá hạn nộp báo cáo chỉ tiêu', en: 'A report form is past its deadline' },
  },
};

/** The inbox title of a kind: Vietnamese, then English. */
export const staffNoticeTitle = (kind: StaffNoticeKind): { vi: string; en: string } => STAFF_NOTICES[kind].title;

export const isStaffNoticeKind = (value: string): value is StaffNoticeKind => (STAFF_NOTICE_KINDS as readonly string[]).includes(value);

/** Values a notice may carry: identifiers, counts and ISO times. Never a reporter's contact. */
export type StaffNoticeData = Record<string, string | number | null>;

export interface StaffNotice {
  kind: StaffNoticeKind;
  reportId?: string | null;
  unitId?: string | null;
  /** Unique per recipient: the same key twice notifies once (`report:<id>:event:<seq>`, `report:<id>:deadline-passed:<stage>`, …). */
  dedupeKey: string;
  data?: StaffNoticeData;
  /** The staff member who caused it, who is not told of their own act. */
  exceptStaffUserId?: string | null;
  /** REQUESTER audience: the one staff member told. */
  staffUserId?: string | null;
  /** Lines the focal points' e-mail adds after its title (Vietnamese, then English): what the notice is about when it is not a report. */
  mailLines?: { vi: readonly string[]; en: readonly string[] };
}

export interface StaffNotificationRecord {
  id: string;
  tenantId: string;
  staffUserId: string;
  kind: StaffNoticeKind;
  reportId: string | null;
  unitId: string | null;
  data: StaffNoticeData;
  createdAt: Date;
  readAt: Date | null;
}

type StaffRole = 'IOC_OPERATOR' | 'UNIT_OFFICER' | 'UNIT_LEADER' | 'LEADER' | 'TENANT_ADMIN';

/** Staff of these roles (of `unitId`, when given), as SQL over `staff_users s`. */
const ofRoles = (roles: StaffRole[], unitId?: string) =>
  Prisma.sql`(s.role::text = ANY(${roles}::text[])${unitId ? Prisma.sql` AND s.unit_id = ${unitId}::uuid` : Prisma.empty})`;

/** The filter of one audience over `staff_users s`, or null when it has no one (a unit audience without a unit). */
function audienceWhere(audience: StaffAudience, unitId: string | null, staffUserId: string | null = null): Prisma.Sql | null {
  switch (audience) {
    case A.REQUESTER:
      return staffUserId ? Prisma.sql`s.id = ${staffUserId}::uuid` : null;
    case A.IOC_OPERATORS:
      return ofRoles(['IOC_OPERATOR']);
    case A.UNIT_STAFF:
      return unitId ? ofRoles(['UNIT_OFFICER', 'UNIT_LEADER'], unitId) : null;
    case A.UNIT_LEADERS:
      return unitId ? ofRoles(['UNIT_LEADER'], unitId) : null;
    case A.HOLDER:
      return unitId ? ofRoles(['UNIT_OFFICER', 'UNIT_LEADER'], unitId) : ofRoles(['IOC_OPERATOR']);
    case A.TENANT_LEADERS:
      return ofRoles(['LEADER']);
    case A.TENANT_ADMINS:
      return ofRoles(['TENANT_ADMIN']);
  }
}

type RecipientsOf = Pick<StaffNotice, 'kind' | 'unitId' | 'exceptStaffUserId' | 'staffUserId'>;

/** The active staff accounts a notice goes to, as SQL over `staff_users s` (the tenant's, by row-level security); null when its audience has no one. */
function recipientsWhere(notice: RecipientsOf): Prisma.Sql | null {
  const filters = STAFF_NOTICES[notice.kind].audience
    .map((audience) => audienceWhere(audience, notice.unitId ?? null, notice.staffUserId ?? null))
    .filter((w) => w !== null);
  if (filters.length === 0) return null;
  const except = notice.exceptStaffUserId ? Prisma.sql` AND s.id <> ${notice.exceptStaffUserId}::uuid` : Prisma.empty;
  return Prisma.sql`s.active AND (${Prisma.join(filters, ' OR ')})${except}`;
}

/** The active staff accounts a notice goes to, each once. */
export async function staffRecipients(tx: TenantTx, notice: RecipientsOf): Promise<string[]> {
  const where = recipientsWhere(notice);
  if (!where) return [];
  const rows = await tenantSqlOf(tx).query<{ id: string }>(Prisma.sql`SELECT s.id FROM staff_users s WHERE ${where} ORDER BY s.id`);
  return rows.map((r) => r.id);
}

/**
 * A notice's inbox rows as one SQL statement: an `INSERT … SELECT` from its
 * recipients (STAFF_NOTICES), none for a recipient who already has a notice
 * with its `dedupeKey`, returning the rows written (`StaffNotificationRecord`'s
 * fields). Null when its audience has no one. Run it in the tenant's
 * transaction (`notifyStaff`), or as a step of a larger statement (submit).
 * Mails no focal point: that is `notifyStaff`'s.
 */
export function staffNoticeInsert(tenantId: string, notice: StaffNotice, now: Date): Prisma.Sql | null {
  const where = recipientsWhere(notice);
  if (!where) return null;
  return Prisma.sql`
    INSERT INTO staff_notifications (tenant_id, staff_user_id, kind, report_id, unit_id, data, dedupe_key, created_at)
    SELECT ${tenantId}::uuid, s.id, ${notice.kind}, ${notice.reportId ?? null}::uuid, ${notice.unitId ?? null}::uuid,
           ${JSON.stringify(notice.data ?? {})}::jsonb, ${notice.dedupeKey}, ${now}::timestamptz
      FROM staff_users s WHERE ${where} ORDER BY s.id
    ON CONFLICT DO NOTHING
    RETURNING id, tenant_id AS "tenantId", staff_user_id AS "staffUserId", kind, report_id AS "reportId", unit_id AS "unitId",
              data, created_at AS "createdAt", read_at AS "readAt"`;
}

/**
 * Puts a notice in the inbox of each of its recipients (STAFF_NOTICES), in
 * the caller's tenant transaction: written with the event or job that causes
 * it, or not at all. A recipient who already has a notice with this
 * `dedupeKey` gets none (a job that runs twice notifies once). Deadline
 * kinds also e-mail the unit's current focal points (`mailFocalPoints`).
 * Returns the rows created, for the caller to deliver live after commit.
 */
export async function notifyStaff(
  tx: TenantTx,
  tenant: TenantRecord,
  notice: StaffNotice,
  now: Date,
): Promise<StaffNotificationRecord[]> {
  const rule = STAFF_NOTICES[notice.kind];
  if (rule.emailFocalPoints) await mailFocalPoints(tx, tenant, notice, rule, now);
  const insert = staffNoticeInsert(tenant.id, notice, now);
  if (!insert) return [];
  // One statement: recipients and rows together, where Prisma sent two.
  const rows = await tenantSqlOf(tx).query<Parameters<typeof toStaffNotificationRecord>[0]>(insert);
  return rows.map(toStaffNotificationRecord);
}

export function toStaffNotificationRecord(row: {
  id: string; tenantId: string; staffUserId: string; kind: string; reportId: string | null; unitId: string | null; data: unknown; createdAt: Date; readAt: Date | null;
}): StaffNotificationRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    staffUserId: row.staffUserId,
    kind: row.kind as StaffNoticeKind,
    reportId: row.reportId,
    unitId: row.unitId,
    data: (row.data ?? {}) as StaffNoticeData,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
