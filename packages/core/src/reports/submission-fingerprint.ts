import { createHmac } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { Actor } from '../auth/actor.js';
import type { SubmitReportData } from './submit-input.js';

/**
 * Who files a report, as an idempotency key is bound to it: the same key
 * replays only for the same caller class, as Stripe binds a key to its
 * account. Staff are told apart by account, API keys by key; anonymous
 * callers cannot be told apart, so for them the body alone decides.
 */
export type Submitter = { kind: 'ANONYMOUS' } | { kind: 'API_KEY'; keyId: string } | { kind: 'STAFF'; userId: string };

export const ANONYMOUS: Submitter = { kind: 'ANONYMOUS' };

/** The submitter behind a submission: a staff actor, else the API key presented, else anonymous. */
export function submitterOf(actor: Actor | null, apiKeyId: string | null = null): Submitter {
  if (actor && 'userId' in actor) return { kind: 'STAFF', userId: actor.userId };
  if (apiKeyId) return { kind: 'API_KEY', keyId: apiKeyId };
  return ANONYMOUS;
}

/** Keys sorted at every depth; cycles and odd values refused rather than guessed. */
const canonical = configure({ deterministic: true, circularValue: TypeError, strict: true });

/** The fingerprint key derived from the instance's secret key: once per process (an HMAC per submission less). */
const derivedKeys = new Map<string, Buffer>();
function fingerprintKey(secretKey: string): Buffer {
  let key = derivedKeys.get(secretKey);
  if (!key) {
    key = createHmac('sha256', secretKey).update('paht/submission-fingerprint/v1').digest();
    // A process has one secret key (tests a few): never more than a handful here.
    if (derivedKeys.size >= 16) derivedKeys.clear();
    derivedKeys.set(secretKey, key);
  }
  return key;
}

/**
 * The fingerprint of one submission: an HMAC (under a key derived from the
 * instance's secret key) of the tenant, the submitter and the normalised
 * input (trimmed, the phone in E.164, defaults filled, the attachments'
 * storage keys), the idempotency key itself left out. Stored beside the key,
 * so that a replay can be told from a different request with the same key.
 * Keyed, not a bare hash: the input holds the reporter's phone number, which
 * a plain SHA-256 of a guessable body would give away to whoever reads the table.
 */
export function submissionFingerprint(secretKey: string, tenantId: string, submitter: Submitter, data: SubmitReportData): string {
  const { idempotencyKey: _key, ...body } = data;
  const key = fingerprintKey(secretKey);
  // An object always stringifies (undefined is only for functions and symbols).
  const text = canonical({ tenantId, submitter, body }) as string;
  return createHmac('sha256', key).update(text).digest('base64url');
}
