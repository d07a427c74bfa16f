import {
  claimDueNotifications,
  listTenants,
  markNotificationFailed,
  markNotificationSent,
  NotificationChannel,
  withoutAddresses,
  type ClaimedNotification,
  type CoreContext,
} from '@paht/core';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { describeUnexpected } from '../errors/redact.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The citizen e-mail worker: `deliver()` sends what is due now (tests drive it with the core clock). */
    citizenMail: CitizenMailWorker;
  }
}

export interface CitizenMailOptions {
  /** The SMTP server, `smtp://user:pass@host:port` (or `smtps://`). Default `PAHT_SMTP_URL`; unset: nothing is sent, the outbox is kept. */
  smtpUrl?: string | null;
  /** The sender for tenants without `notifications.emailFrom`. Default `PAHT_MAIL_FROM`; unset: those tenants' messages wait. */
  mailFrom?: string | null;
  /** Milliseconds between passes. Default 30 000; 0 disables the timer (`app.citizenMail.deliver()` still works). */
  intervalMs?: number;
}

export const DEFAULT_CITIZEN_MAIL_INTERVAL_MS = 30_000;
/** Bounds on one SMTP conversation, so a stalled server cannot hold a pass. */
const SMTP_TIMEOUT_MS = 15_000;
const CLAIM_BATCH = 20;

export interface MailDeliveryResult {
  sent: number;
  /** Failed attempts that will be retried later. */
  retried: number;
  /** Messages given up after their last attempt. */
  gaveUp: number;
}

export interface CitizenMailWorker {
  /** Whether an SMTP server is configured. */
  readonly enabled: boolean;
  /** One pass over every tenant's due messages, as of the core clock. */
  deliver(): Promise<MailDeliveryResult>;
}

/**
 * Sends the outbox's citizen e-mails (queued by core in the transaction of
 * each report event) through SMTP with nodemailer. Each pass claims due
 * messages per tenant (core's `claimDueNotifications`: leased, skip-locked,
 * so several processes send each message once), sends them from the
 * tenant's sender, and marks them sent, or failed with a growing wait until
 * core gives up. Logs name the tenant and the message id, never the address.
 */
export function attachCitizenMail(app: FastifyInstance, core: CoreContext, options: CitizenMailOptions = {}): CitizenMailWorker {
  const smtpUrl = options.smtpUrl === undefined ? process.env.PAHT_SMTP_URL : options.smtpUrl;
  const defaultFrom = (options.mailFrom === undefined ? process.env.PAHT_MAIL_FROM : options.mailFrom) || null;
  const intervalMs = options.intervalMs ?? DEFAULT_CITIZEN_MAIL_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`citizenMail.intervalMs must be 0 or more, got ${intervalMs}`);
  const transport = smtpUrl
    ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS })
    : null;
  const warnedNoSender = new Set<string>();

  async function sendOne(message: ClaimedNotification, from: { name: string; address: string }, result: MailDeliveryResult): Promise<void> {
    try {
      await transport!.sendMail({ from, to: message.recipient, subject: message.subject, text: message.body });
      await markNotificationSent(core, message, core.now());
      result.sent++;
    } catch (error) {
      const reason = withoutAddresses(smtpErrorText(error), message.recipient);
      const { gaveUp } = await markNotificationFailed(core, message, reason, core.now());
      if (gaveUp) result.gaveUp++;
      else result.retried++;
      app.log.warn({ tenantId: message.tenantId, notificationId: message.id, attempts: message.attempts, gaveUp, reason }, 'citizen e-mail not sent');
    }
  }

  async function deliver(): Promise<MailDeliveryResult> {
    const result: MailDeliveryResult = { sent: 0, retried: 0, gaveUp: 0 };
    if (!transport) return result;
    for (const tenant of await listTenants(core)) {
      const address = tenant.settings.notifications?.emailFrom ?? defaultFrom;
      if (!address) {
        if (!warnedNoSender.has(tenant.id)) app.log.warn({ tenant: tenant.slug }, 'citizen e-mail: no sender (notifications.emailFrom or PAHT_MAIL_FROM); messages wait');
        warnedNoSender.add(tenant.id);
        continue;
      }
      const from = { name: tenant.settings.notifications?.emailFromName ?? tenant.name, address };
      // A full batch may leave more due; failed and sent ones are not due again in this pass.
      for (let claimed = CLAIM_BATCH; claimed === CLAIM_BATCH; ) {
        const batch = await claimDueNotifications(core, tenant.id, core.now(), CLAIM_BATCH, [NotificationChannel.EMAIL]);
        for (const message of batch) await sendOne(message, from, result);
        claimed = batch.length;
      }
    }
    return result;
  }

  const worker: CitizenMailWorker = { enabled: transport !== null, deliver };
  app.decorate('citizenMail', worker);
  app.addHook('onReady', async () => {
    if (!transport) app.log.info('citizen e-mail: PAHT_SMTP_URL is not set; messages stay in the outbox and none is sent');
  });
  if (transport && intervalMs > 0) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      deliver()
        .catch((error) => app.log.error({ error: describeUnexpected(error) }, 'citizen e-mail pass failed'))
        .finally(() => (running = false));
    }, intervalMs).unref();
    app.addHook('preClose', async () => clearInterval(timer));
  }
  app.addHook('onClose', async () => transport?.close());
  return worker;
}

/** What the SMTP server answered (code, status, message); the caller strips addresses. */
function smtpErrorText(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  return [e?.code, e?.responseCode, e?.message ?? String(error)].filter((part) => part !== undefined && part !== '').join(' ');
}
