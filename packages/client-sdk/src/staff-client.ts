// The staff client: everything a public client does (client.ts), plus
// sign-in, the password change and the staff feeds. Its documents are staff
// ones (src/operations/staff/), so it lives apart from the public client.
import type { ChangePasswordResult, SignInResult } from './api-types.js';
import { field, makeClient, type ClientBase, type ClientOptions, type PublicClient, type RequestOptions } from './client.js';
import { ChangePasswordDocument, IocInboxDocument, SignInDocument, UnitQueueDocument } from './generated/staff.js';
import type { ReportChangeFieldsFragment } from './generated/types.js';
import type { SubscribeOptions } from './live/live-connection.js';

export interface PahtClient extends PublicClient {
  /** Staff sign-in; use the returned token with `withToken`. */
  signIn(email: string, password: string, options?: RequestOptions): Promise<SignInResult>;
  /**
   * Changes the signed-in staff member's password (this client's token).
   * Required after a one-time password's sign-in (`passwordChangeRequired`),
   * whose token allows nothing else until then.
   */
  changePassword(currentPassword: string, newPassword: string, options?: RequestOptions): Promise<ChangePasswordResult>;
  /** IOC operators: new reports, returns, answers waiting to be published. */
  iocInbox(options?: SubscribeOptions): AsyncIterableIterator<ReportChangeFieldsFragment>;
  /** Unit staff: every step on the reports of their unit. */
  unitQueue(options?: SubscribeOptions): AsyncIterableIterator<ReportChangeFieldsFragment>;
  /** A client like this one, signed in with `token` (or signed out with null). It shares the offline queue. */
  withToken(token: string | null): PahtClient;
}

/** Creates a client for one tenant of a PAHT server, with the staff methods (`createPublicClient` has none). */
export function createClient(options: ClientOptions): PahtClient {
  return makeClient<PahtClient>(options, null, withStaffMethods);
}

function withStaffMethods(base: ClientBase<PahtClient>): PahtClient {
  return {
    ...base,
    async signIn(email, password, requestOptions) {
      return (await base.request(SignInDocument, { email, password }, requestOptions)).signIn;
    },
    async changePassword(currentPassword, newPassword, requestOptions) {
      return (await base.request(ChangePasswordDocument, { currentPassword, newPassword }, requestOptions)).changePassword;
    },
    iocInbox: (o) => field(base.subscribe(IocInboxDocument, {}, o), (d) => d.iocInbox),
    unitQueue: (o) => field(base.subscribe(UnitQueueDocument, {}, o), (d) => d.unitQueue),
  };
}
