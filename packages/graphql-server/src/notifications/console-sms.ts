import { maskPhone } from '@paht/core';
import type { SmsMessage, SmsProvider } from './sms-provider.js';

/** Where the console provider writes: a pino-like logger (the app's) or anything with `info`. */
export interface SmsConsoleLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/** One line on standard output per SMS. */
export const stdoutSmsLog: SmsConsoleLog = {
  info: (fields, message) => console.info(`${message}: to ${fields.to as string}${fields.sender ? ` from ${fields.sender as string}` : ''}: ${fields.text as string}`),
};

/**
 * For development (no `PAHT_SMS_URL`, not production): writes each SMS to
 * the log (default standard output) instead of sending it, the phone number
 * masked to its last 3 digits (`+********678`), and answers a made-up id.
 */
export function consoleSmsProvider(log: SmsConsoleLog = stdoutSmsLog): SmsProvider {
  let sent = 0;
  return {
    kind: 'CONSOLE',
    async send(message: SmsMessage): Promise<string> {
      const id = `console-${++sent}`;
      log.info({ to: maskPhone(message.to), sender: message.sender, text: message.text, smsId: id }, 'SMS (console, not sent)');
      return id;
    },
  };
}
