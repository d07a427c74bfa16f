import { Repeater } from '@graphql-yoga/subscription';
import {
  actorId,
  countUnreadStaffNotifications,
  DomainError,
  DomainErrorCode,
  listStaffNotifications,
  markStaffNotificationsRead,
  readStaffNotification,
  STAFF_NOTICE_KINDS,
  STAFF_NOTICES,
  type Actor,
  type StaffInboxItem,
  type StaffInboxPage,
} from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff, type GraphQLContext } from '../context.js';
import { describeUnexpected } from '../errors/redact.js';
import { staffInboxBusOf, type StaffInboxMessage } from '../live/staff-inbox-bus.js';
import { callCore, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { STAFF_ONLY } from './admin-shared.js';
import { PageInfo } from './report-connection.js';
import { DateTime } from './scalars.js';
import { changesNothingPublic } from '../cache/public-facets.js';

// The staff in-app inbox (core/src/notifications): each staff member reads,
// counts and marks only their own notices, and receives new ones live.

export const StaffNoticeKindEnum = builder.enumType('StaffNoticeKind', {
  description: 'What a staff notice is about (its title says it in Vietnamese and English).',
  values: Object.fromEntries(STAFF_NOTICE_KINDS.map((kind) => [kind, { value: kind, description: STAFF_NOTICES[kind].title.en }])),
});

const NotificationDetail = builder.objectRef<{ key: string; value: string | null }>('NotificationDetail').implement({
  description: 'One identifier or time a notice carries (`trackingCode`, `eventSeq`, `dueAt`, `stage`, …). Never a reporter’s contact.',
  fields: (t) => ({
    key: t.exposeString('key'),
    value: t.exposeString('value', { nullable: true }),
  }),
});

export const StaffNotification = builder.objectRef<StaffInboxItem>('StaffNotification').implement({
  description: 'A notice in the signed-in staff member’s inbox.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: StaffNoticeKindEnum, resolve: (n) => n.kind }),
    title: t.string({ description: 'In Vietnamese.', resolve: (n) => n.title.vi }),
    titleEn: t.string({ description: 'In English.', resolve: (n) => n.title.en }),
    reportId: t.exposeID('reportId', { nullable: true, description: 'The report it is about, if any.' }),
    trackingCode: t.exposeString('trackingCode', { nullable: true, description: 'That report’s tracking code.' }),
    unitId: t.exposeID('unitId', { nullable: true, description: 'The unit it concerns, if any.' }),
    details: t.field({
      type: [NotificationDetail],
      resolve: (n) => Object.entries(n.data).map(([key, value]) => ({ key, value: value === null ? null : String(value) })),
    }),
    createdAt: t.field({ type: DateTime, resolve: (n) => n.createdAt }),
    readAt: t.field({ type: DateTime, nullable: true, resolve: (n) => n.readAt }),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
  }),
});

interface ConnectionShape {
  page: StaffInboxPage;
  after: string | null;
  unreadCount: number;
}

const StaffNotificationEdge = builder.objectRef<{ cursor: string; node: StaffInboxItem }>('StaffNotificationEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: StaffNotification, resolve: (e) => e.node }),
  }),
});

const StaffNotificationConnection = builder.objectRef<ConnectionShape>('StaffNotificationConnection').implement({
  description: 'A page of the signed-in staff member’s inbox, newest first.',
  fields: (t) => ({
    edges: t.field({ type: [StaffNotificationEdge], resolve: (c) => c.page.items.map((node, i) => ({ cursor: c.page.cursors[i]!, node })) }),
    nodes: t.field({ type: [StaffNotification], resolve: (c) => c.page.items }),
    pageInfo: t.field({
      type: PageInfo,
      resolve: (c) => ({
        hasNextPage: c.page.hasNextPage,
        hasPreviousPage: Boolean(c.after),
        startCursor: c.page.cursors[0] ?? null,
        endCursor: c.page.endCursor,
      }),
    }),
    unreadCount: t.exposeInt('unreadCount', { description: 'Unread notices in the whole inbox (not only this page).' }),
  }),
});

const NotificationsRead = builder.objectRef<{ unreadCount: number }>('NotificationsRead').implement({
  fields: (t) => ({ unreadCount: t.exposeInt('unreadCount', { description: 'Unread notices left.' }) }),
});

const StaffNotificationDelivery = builder.objectRef<{ notification: StaffInboxItem; unreadCount: number }>('StaffNotificationDelivery').implement({
  description: 'A new notice, live, with the recipient’s unread count after it.',
  fields: (t) => ({
    notification: t.field({ type: StaffNotification, resolve: (d) => d.notification }),
    unreadCount: t.exposeInt('unreadCount'),
  }),
});

const INBOX_ERRORS = [ForbiddenError, ValidationError];

/** Runs `fn` as the signed-in staff member (ForbiddenError for anyone else). */
function asStaffMember<T>(ctx: GraphQLContext, fn: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = requireStaff(ctx);
  return callCore(() => fn(actor));
}

builder.queryFields((t) => ({
  myNotifications: t.field({
    type: StaffNotificationConnection,
    description: 'The signed-in staff member’s inbox, newest first, with cursor paging; only their own notices.',
    extensions: STAFF_ONLY,
    errors: { types: INBOX_ERRORS },
    args: {
      first: t.arg.int({ description: 'Page size, 1 to 100; default 20.' }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
      unreadOnly: t.arg.boolean({ description: 'Only unread notices. Default false.' }),
    },
    resolve: (_root, args, ctx) =>
      asStaffMember(ctx, async (actor) => {
        const page = await listStaffNotifications(ctx.core, ctx.tenant.id, actor, {
          ...(args.first != null ? { first: args.first } : {}),
          ...(args.after ? { after: args.after } : {}),
          unreadOnly: args.unreadOnly ?? false,
        });
        return { page, after: args.after ?? null, unreadCount: await countUnreadStaffNotifications(ctx.core, ctx.tenant.id, actor) };
      }),
  }),
  myUnreadNotificationCount: t.field({
    type: 'Int',
    description: 'How many of the signed-in staff member’s notices are unread.',
    extensions: STAFF_ONLY,
    errors: { types: [ForbiddenError], directResult: false },
    resolve: (_root, _args, ctx) => asStaffMember(ctx, (actor) => countUnreadStaffNotifications(ctx.core, ctx.tenant.id, actor)),
  }),
}));

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: NotificationsRead,
    description:
      'Marks the given notices of the signed-in staff member as read (or `all: true`: every one). Ids that are not theirs change nothing. Returns the new unread count.',
    extensions: { ...STAFF_ONLY, ...changesNothingPublic },
    errors: { types: INBOX_ERRORS },
    args: {
      ids: t.arg.idList({ description: 'At most 100.' }),
      all: t.arg.boolean({ description: 'Every notice of the inbox.' }),
    },
    resolve: (_root, args, ctx) =>
      asStaffMember(ctx, (actor) => markStaffNotificationsRead(ctx.core, ctx.tenant.id, actor, { ids: args.ids?.map(String) ?? null, all: args.all ?? false })),
  }),
);

/**
 * The subscriber's own new notices, each read again as them (so a message
 * for someone else, or of another tenant, is never sent), with their
 * unread count.
 */
function deliveries(ctx: GraphQLContext, messages: Repeater<StaffInboxMessage>, staffUserId: string) {
  const actor = ctx.staff!;
  return new Repeater<{ notification: StaffInboxItem; unreadCount: number }>(async (push, stop) => {
    void stop.then(() => messages.return());
    for await (const message of messages) {
      if (message.staffUserId !== staffUserId || message.tenantId !== ctx.tenant.id) continue;
      try {
        const found = await readStaffNotification(ctx.core, ctx.tenant.id, actor, message.notificationId);
        if (found) await push({ notification: found.item, unreadCount: found.unreadCount });
      } catch (error) {
        ctx.log.error({ error: describeUnexpected(error) }, 'staff notification not delivered');
      }
    }
    stop();
  });
}

builder.subscriptionField('myNotificationReceived', (t) =>
  t.field({
    type: StaffNotificationDelivery,
    description: 'Staff: each new notice of your own inbox as it arrives, with your unread count after it.',
    extensions: STAFF_ONLY,
    subscribe: (_root, _args, ctx) => {
      const staffUserId = ctx.staff ? actorId(ctx.staff) : null;
      if (!staffUserId) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Sign in as staff (connectionParams.authorization) to subscribe');
      return deliveries(ctx, staffInboxBusOf(ctx.core).subscribe(ctx.tenant.id), staffUserId);
    },
    resolve: (delivery) => delivery,
  }),
);
