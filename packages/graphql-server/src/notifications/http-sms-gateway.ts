import { withoutAddresses } from '@paht/core';
import { SmsSendError, type SmsMessage, type SmsProvider } from './sms-provider.js';

export interface HttpSmsGatewayOptions {
  /** The gateway's send endpoint (`PAHT_SMS_URL`), e.g. `https://sms.example.vn/v1/messages`. */
  url: string;
  /** Its bearer token (`PAHT_SMS_TOKEN`); never logged. */
  token: string;
  /** Bound on one request, connection included. Default 10 000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_SMS_TIMEOUT_MS = 10_000;
const MAX_ERROR_BODY = 200;

/**
 * The common shape of an HTTP SMS gateway: `POST <url>` with
 * `Authorization: Bearer <token>` and a JSON body `{ "to": "+84…",
 * "from": "<brandname>" (omitted for the gateway's own), "text": "…" }`.
 * A 2xx answer is sent (its JSON `id` or `messageId`, if any, is the
 * message id); 408, 429 and 5xx, a timeout or a network failure are worth
 * another attempt; any other 4xx is a refusal of the message itself and is
 * not retried. Error texts quote at most 200 characters of the gateway's
 * answer, the phone number removed.
 */
export function httpSmsGateway(options: HttpSmsGatewayOptions): SmsProvider {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SMS_TIMEOUT_MS;
  if (!/^https?:\/\/\S+$/.test(options.url)) throw new TypeError('The SMS gateway URL must be an http(s) URL');
  if (!options.token) throw new TypeError('The SMS gateway needs a token');
  return {
    kind: 'GATEWAY',
    async send(message: SmsMessage): Promise<string | null> {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ to: message.to, ...(message.sender ? { from: message.sender } : {}), text: message.text }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const e = error as { name?: string; message?: string; cause?: { code?: string } };
        const reason = e?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : [e?.cause?.code, e?.message].filter(Boolean).join(' ');
        throw new SmsSendError(withoutAddresses(`SMS gateway unreachable: ${reason}`, message.to), true);
      }
      const text = await response.text().catch(() => '');
      if (response.ok) return messageIdOf(text);
      const retriable = response.status >= 500 || response.status === 408 || response.status === 429;
      const quoted = withoutAddresses(text, message.to).slice(0, MAX_ERROR_BODY);
      throw new SmsSendError(`SMS gateway answered ${response.status}${quoted ? `: ${quoted}` : ''}`, retriable, response.status);
    },
  };
}

function messageIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
    const id = parsed?.id ?? parsed?.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null;
  } catch {
    return null;
  }
}
