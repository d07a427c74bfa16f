import {
  claimDueNotifications,
  listTenants,
  markNotificationFailed,
  markNotificationSent,
  NotificationChannel,
  withoutAddresses,
  type ClaimedNotification,
  type CoreContext,
  type TenantRecord,
} from '@paht/core';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { describeUnexpected } from '../errors/redact.js';
import { consoleSmsProvider, type SmsConsoleLog } from './console-sms.js';
import { httpSmsGateway } from './http-sms-gateway.js';
import { SmsSendError, type SmsProvider } from './sms-provider.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox's delivery worker (e-mail and SMS): `deliver()` sends what is due now (tests drive it with the core clock). */
    notificationDelivery: NotificationDeliveryWorker;
    /** The same worker, by its first name (citizen e-mail only, before SMS). */
    citizenMail: NotificationDeliveryWorker;
  }
}

export interface SmsOptions {
  /** The provider; replaces the one chosen from `url`. `null`: SMS off. */
  provider?: SmsProvider | null;
  /** The HTTP gateway's send URL. Default `PAHT_SMS_URL`; unset: the console provider outside production, SMS off in production. */
  url?: string | null;
  /** The gateway's bearer token. Default `PAHT_SMS_TOKEN`; required with a URL. */
  token?: string | null;
  /** The sender (brandname) for tenants without `notifications.smsSender`. Default `PAHT_SMS_SENDER`; unset: the gateway's own. */
  sender?: string | null;
  /** Bound on one gateway request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Where the console provider writes. Default standard output. */
  consoleLog?: SmsConsoleLog;
}

export interface NotificationDeliveryOptions {
  /** The SMTP server, `smtp://user:pass@host:port` (or `smtps://`). Default `PAHT_SMTP_URL`; unset: no e-mail is sent, the outbox keeps them. */
  smtpUrl?: string | null;
  /** The sender for tenants without `notifications.emailFrom`. Default `PAHT_MAIL_FROM`; unset: those tenants' e-mails wait. */
  mailFrom?: string | null;
  /** SMS: provider, gateway, sender (each option documents its default). */
  sms?: SmsOptions;
  /** Milliseconds between passes. Default 30 000; 0 disables the timer (`deliver()` still works). */
  intervalMs?: number;
  /** Production: no console SMS provider. Default `NODE_ENV === 'production'`. */
  production?: boolean;
}
/** The options' first name. */
export type CitizenMailOptions = NotificationDeliveryOptions;

export const DEFAULT_DELIVERY_INTERVAL_MS = 30_000;
/** @deprecated the same as DEFAULT_DELIVERY_INTERVAL_MS */
export const DEFAULT_CITIZEN_MAIL_INTERVAL_MS = DEFAULT_DELIVERY_INTERVAL_MS;
/** Bounds on one SMTP conversation, so a stalled server cannot hold a pass. */
const SMTP_TIMEOUT_MS = 15_000;
const CLAIM_BATCH = 20;

export interface DeliveryResult {
  sent: number;
  /** Failed attempts that will be retried later. */
  retried: number;
  /** Messages given up after their last attempt, or refused for good. */
  gaveUp: number;
}
/** The result's first name. */
export type MailDeliveryResult = DeliveryResult;

/** How SMS go out: a real gateway, the development console, or not at all (they wait in the outbox). */
export type SmsMode = 'GATEWAY' | 'CONSOLE' | 'OFF';

export interface NotificationDeliveryWorker {
  /** Whether an SMTP server is configured (e-mails are sent). */
  readonly enabled: boolean;
  /** The same as `enabled`. */
  readonly email: boolean;
  readonly sms: SmsMode;
  /** One pass over every tenant's due messages on the configured channels, as of the core clock. */
  deliver(): Promise<DeliveryResult>;
}

function smsProviderFrom(options: SmsOptions, production: boolean): SmsProvider | null {
  if (options.provider !== undefined) return options.provider;
  const url = options.url === undefined ? process.env.PAHT_SMS_URL : options.url;
  if (url) {
    const token = options.token === undefined ? process.env.PAHT_SMS_TOKEN : options.token;
    if (!token) throw new Error('PAHT_SMS_URL is set but PAHT_SMS_TOKEN is not: the SMS gateway needs its token');
    return httpSmsGateway({ url, token, timeoutMs: options.timeoutMs });
  }
  return production ? null : consoleSmsProvider(options.consoleLog);
}

/**
 * Sends the outbox (queued by core in the transaction of what causes each
 * message): e-mails through SMTP with nodemailer, SMS through an
 * `SmsProvider`. Each pass claims due messages per tenant on the channels
 * this process can send (core's `claimDueNotifications`: leased,
 * skip-locked, so several processes send each message once), sends them from
 * the tenant's senders, and marks them sent, or failed with a growing wait
 * until core gives up (at once when the SMS gateway refuses a message for
 * good). Messages of every kind go out: citizens' notices and reminders,
 * staff e-mails with no report. Logs name the tenant and the message id,
 * never an address or a phone number.
 */
export function attachNotificationDelivery(app: FastifyInstance, core: CoreContext, options: NotificationDeliveryOptions = {}): NotificationDeliveryWorker {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const smtpUrl = options.smtpUrl === undefined ? process.env.PAHT_SMTP_URL : options.smtpUrl;
  const defaultFrom = (options.mailFrom === undefined ? process.env.PAHT_MAIL_FROM : options.mailFrom) || null;
  const smsOptions = options.sms ?? {};
  const defaultSmsSender = (smsOptions.sender === undefined ? process.env.PAHT_SMS_SENDER : smsOptions.sender) || null;
  const intervalMs = options.intervalMs ?? DEFAULT_DELIVERY_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`notification delivery intervalMs must be 0 or more, got ${intervalMs}`);
  const sms = smsProviderFrom(smsOptions, production);
  const transport = smtpUrl
    ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS })
    : null;
  const warnedNoSender = new Set<string>();

  async function failed(message: ClaimedNotification, reason: string, permanent: boolean, result: DeliveryResult): Promise<void> {
    const safe = withoutAddresses(reason, message.recipient);
    const { gaveUp } = await markNotificationFailed(core, message, safe, core.now(), { permanent });
    if (gaveUp) result.gaveUp++;
    else result.retried++;
    app.log.warn(
      { tenantId: message.tenantId, notificationId: message.id, channel: message.channel, attempts: message.attempts, gaveUp, reason: safe },
      message.channel === NotificationChannel.SMS ? 'SMS not sent' : 'e-mail not sent',
    );
  }

  async function sendOne(tenant: TenantRecord, message: ClaimedNotification, result: DeliveryResult): Promise<void> {
    try {
      if (message.channel === NotificationChannel.SMS) {
        await sms!.send({ to: message.recipient, sender: tenant.settings.notifications?.smsSender ?? defaultSmsSender, text: message.body });
      } else {
        await transport!.sendMail({ from: emailSender(tenant)!, to: message.recipient, subject: message.subject, text: message.body });
      }
    } catch (error) {
      if (error instanceof SmsSendError) await failed(message, error.message, !error.retriable, result);
      else if (message.channel === NotificationChannel.SMS) await failed(message, describeUnexpected(error).message, false, result);
      else await failed(message, smtpErrorText(error), false, result);
      return;
    }
    await markNotificationSent(core, message, core.now());
    result.sent++;
  }

  function emailSender(tenant: TenantRecord): { name: string; address: string } | null {
    const address = tenant.settings.notifications?.emailFrom ?? defaultFrom;
    return address ? { name: tenant.settings.notifications?.emailFromName ?? tenant.name, address } : null;
  }

  async function deliver(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, retried: 0, gaveUp: 0 };
    if (!transport && !sms) return result;
    for (const tenant of await listTenants(core)) {
      const channels: NotificationChannel[] = [];
      if (transport) {
        if (emailSender(tenant)) channels.push(NotificationChannel.EMAIL);
        else if (!warnedNoSender.has(tenant.id)) {
          app.log.warn({ tenant: tenant.slug }, 'e-mail: no sender (notifications.emailFrom or PAHT_MAIL_FROM); e-mails wait');
          warnedNoSender.add(tenant.id);
        }
      }
      if (sms) channels.push(NotificationChannel.SMS);
      if (channels.length === 0) continue;
      // A full batch may leave more due; failed and sent ones are not due again in this pass.
      for (let claimed = CLAIM_BATCH; claimed === CLAIM_BATCH; ) {
        const batch = await claimDueNotifications(core, tenant.id, core.now(), CLAIM_BATCH, channels);
        for (const message of batch) await sendOne(tenant, message, result);
        claimed = batch.length;
      }
    }
    return result;
  }

  const worker: NotificationDeliveryWorker = { enabled: transport !== null, email: transport !== null, sms: sms?.kind ?? 'OFF', deliver };
  app.decorate('notificationDelivery', worker);
  app.decorate('citizenMail', worker);
  app.addHook('onReady', async () => {
    if (!transport) app.log.info('e-mail: PAHT_SMTP_URL is not set; e-mails stay in the outbox and none is sent');
    if (!sms) app.log.info('SMS: PAHT_SMS_URL is not set (production); SMS stay in the outbox and none is sent');
  });
  if ((transport || sms) && intervalMs > 0) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      deliver()
        .catch((error) => app.log.error({ error: describeUnexpected(error) }, 'notification delivery pass failed'))
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
