import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { isSupportedInstant } from '../calendar/supported-dates.js';
import { staffNoticeTitle, toStaffNotificationRecord, type StaffNotificationRecord } from './staff-notices.js';

/** One entry of a staff member's inbox, as they read it. */
export interface StaffInboxItem extends StaffNotificationRecord {
  /** The report's public code, when the notice is about a report. */
  trackingCode: string | null;
  title: { vi: string; en: string };
}

export interface StaffInboxArgs {
  /** Page size, 1–100 (default 20). */
  first?: number;
  /** The `endCursor` of the previous page. */
  after?: string;
  /** Only notices not yet read. */
  unreadOnly?: boolean;
}

export interface StaffInboxPage {
  items: StaffInboxItem[];
  cursors: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Anyone with a staff account has an inbox; a citizen or a job has none. */
function inboxOwner(actor: Actor): string {
  if (!('userId' in actor)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff have an inbox', { action: 'inbox:read' });
  return actor.userId;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const date = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
    if (!isSupportedInstant(date) || typeof id !== 'string' || !isUuid(id)) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw validationError([{ path: 'after', message: 'is not a cursor from this list' }]);
  }
}

type InboxRow = Parameters<typeof toStaffNotificationRecord>[0] & { report: { trackingCode: string } | null };

function inboxItem(row: InboxRow): StaffInboxItem {
  const record = toStaffNotificationRecord(row);
  return { ...record, trackingCode: row.report?.trackingCode ?? null, title: staffNoticeTitle(record.kind) };
}

/** The unread count of one staff member, inside a tenant transaction. */
export const unreadStaffNotifications = (tx: TenantTx, staffUserId: string): Promise<number> =>
  tx.staffNotification.count({ where: { staffUserId, readAt: null } });

/** The signed-in staff member's inbox, newest first, with keyset paging. Only their own notices, of their own tenant. */
export async function listStaffNotifications(ctx: CoreContext, tenantId: string, actor: Actor, args: StaffInboxArgs = {}): Promise<StaffInboxPage> {
  const staffUserId = inboxOwner(actor);
  const take = args.first ?? 20;
  if (!Number.isInteger(take) || take < 1 || take > 100) throw validationError([{ path: 'first', message: 'must be from 1 to 100' }]);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.staffNotification.findMany({
      where: {
        staffUserId,
        ...(args.unreadOnly ? { readAt: null } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      include: { report: { select: { trackingCode: true } } },
    }),
  );
  const page = rows.slice(0, take);
  const cursors = page.map((r) => encodeCursor(r.createdAt, r.id));
  return {
    items: page.map(inboxItem),
    cursors,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: rows.length > take,
  };
}

/**
 * One notice of the signed-in staff member, with their unread count, read in
 * one snapshot (for live delivery); null when it is not theirs or not in
 * this tenant.
 */
export async function readStaffNotification(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  id: string,
): Promise<{ item: StaffInboxItem; unreadCount: number } | null> {
  const staffUserId = inboxOwner(actor);
  if (!isUuid(id)) return null;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.staffNotification.findFirst({ where: { id, staffUserId }, include: { report: { select: { trackingCode: true } } } });
    if (!row) return null;
    return { item: inboxItem(row), unreadCount: await unreadStaffNotifications(tx, staffUserId) };
  }, { snapshot: true });
}

/** How many of the signed-in staff member's notices are unread. */
export async function countUnreadStaffNotifications(ctx: CoreContext, tenantId: string, actor: Actor): Promise<number> {
  const staffUserId = inboxOwner(actor);
  return withTenant(ctx.db, tenantId, (tx) => unreadStaffNotifications(tx, staffUserId));
}

export const MAX_MARK_READ_IDS = 100;

/**
 * Marks the given notices (or `all`) of the signed-in staff member as read
 * at `ctx.now()`; ids that are not theirs change nothing (and are not told
 * apart from unknown ones). Returns the new unread count.
 */
export async function markStaffNotificationsRead(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  args: { ids?: readonly string[] | null; all?: boolean | null },
): Promise<{ unreadCount: number }> {
  const staffUserId = inboxOwner(actor);
  const ids = args.ids ?? [];
  if (!args.all && ids.length === 0) throw validationError([{ path: 'ids', message: 'name at least one notification, or set all' }]);
  if (ids.length > MAX_MARK_READ_IDS) throw validationError([{ path: 'ids', message: `at most ${MAX_MARK_READ_IDS} at once` }]);
  const bad = ids.findIndex((id) => !isUuid(id));
  if (bad >= 0) throw validationError([{ path: `ids.${bad}`, message: 'is not a notification id' }]);
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    await tx.staffNotification.updateMany({
      where: { staffUserId, readAt: null, ...(args.all ? {} : { id: { in: [...ids] } }) },
      data: { readAt: now },
    });
    return { unreadCount: await unreadStaffNotifications(tx, staffUserId) };
  });
}
