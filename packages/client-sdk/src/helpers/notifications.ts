// The signed-in staff member's in-app inbox: new work, returns, deadlines
// near and past. Use a signed-in client (`withToken`). Each reads or changes
// only the caller's own notices; the answers are the API's typed results
// (the data, or `ForbiddenError` / `ValidationError`).
import type { PublicClient, RequestOptions } from '../client.js';
import type { SubscribeOptions } from '../live/live-connection.js';
import { MarkNotificationsReadDocument, MyNotificationReceivedDocument, MyNotificationsDocument, MyUnreadNotificationCountDocument } from '../generated/staff.js';
import type { MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables, MyNotificationReceivedSubscription, MyNotificationsQuery, MyNotificationsQueryVariables, MyUnreadNotificationCountQuery } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;
type Subscriber = Pick<PublicClient, 'subscribe'>;

/** The inbox, newest first: `first` (1–100, default 20), `after` (the previous page's `endCursor`), `unreadOnly`. */
export async function listMyNotifications(client: Requester, variables: MyNotificationsQueryVariables = {}, options?: RequestOptions): Promise<MyNotificationsQuery['myNotifications']> {
  return (await client.request(MyNotificationsDocument, variables, options)).myNotifications;
}

/** How many notices are unread (`MyUnreadNotificationCountSuccess.data`). */
export async function unreadNotificationCount(client: Requester, options?: RequestOptions): Promise<MyUnreadNotificationCountQuery['myUnreadNotificationCount']> {
  return (await client.request(MyUnreadNotificationCountDocument, {}, options)).myUnreadNotificationCount;
}

/** Marks `ids` (at most 100) or `all: true` as read; answers the new unread count (`NotificationsRead.unreadCount`). */
export async function markNotificationsRead(client: Requester, variables: MarkNotificationsReadMutationVariables, options?: RequestOptions): Promise<MarkNotificationsReadMutation['markNotificationsRead']> {
  return (await client.request(MarkNotificationsReadDocument, variables, options)).markNotificationsRead;
}

/** Each new notice as it arrives, with the unread count after it (over the client's WebSocket). */
export async function* watchMyNotifications(client: Subscriber, options?: SubscribeOptions): AsyncGenerator<MyNotificationReceivedSubscription['myNotificationReceived']> {
  for await (const data of client.subscribe(MyNotificationReceivedDocument, {}, options)) yield data.myNotificationReceived;
}
