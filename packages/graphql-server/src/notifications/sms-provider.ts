/** One SMS to send: an E.164 number, the sender (brandname) or null for the gateway's own, the text. */
export interface SmsMessage {
  to: string;
  sender: string | null;
  text: string;
}

/**
 * Sends SMS. `send` answers the provider's message id (null if it gave
 * none), or throws `SmsSendError`: `retriable` when the same message may
 * go through later (gateway down, overloaded, timed out), not when the
 * gateway refused the message itself (bad number, sender not allowed,
 * bad token). Neither the error's message nor anything logged holds the
 * phone number.
 */
export interface SmsProvider {
  /** What it is, for the start banner and logs: `GATEWAY` (real) or `CONSOLE` (development). */
  readonly kind: 'GATEWAY' | 'CONSOLE';
  send(message: SmsMessage): Promise<string | null>;
}

/** Why an SMS was not sent; `retriable` decides between the outbox's next attempt and giving up now. */
export class SmsSendError extends Error {
  override readonly name = 'SmsSendError';
  constructor(
    message: string,
    readonly retriable: boolean,
    /** The gateway's HTTP status, when it answered. */
    readonly statusCode?: number,
  ) {
    super(message);
  }
}
