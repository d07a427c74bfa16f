// The inbox's steps against the API, one report after the other, each
// outcome in the operator's words: a triage step on a selection, accepting
// suggestions, and the intake of a caller's report.
import { type RejectionReason, type SubmitReportInput } from '@paht/client-sdk/public';
import { assignReport, classifyReport, intakeReport, rejectReport, revealReporterContact, type InboxReport, type IntakeChannel, type PahtClient } from '@paht/client-sdk/staff';
import type { Lang } from '../shared/i18n.js';
import { nameIn } from '../staff/staff-labels.js';
import type { ContactView } from './inbox-dialogs.js';
import { acceptSuggestion, type Suggestion } from './inbox-suggestions.js';
import type { TriageAction } from './inbox-model.js';
import type { InboxMessages } from './ioc-inbox.messages.js';
import { refusalText } from './refusal-text.js';

type Client = Pick<PahtClient, 'request'>;
/** A form field's trimmed value by name. */
export type FieldValue = (name: string) => string;
/** How many were done, and what went wrong or was done (to show). */
export interface StepOutcome {
  done: number;
  lines: string[];
}

/** Runs a triage step (classify, assign, reject) on each report with the dialog's values. */
export async function runTriage(client: Client, action: TriageAction, ids: readonly string[], value: FieldValue, lang: Lang, m: InboxMessages): Promise<StepOutcome> {
  const out: StepOutcome = { done: 0, lines: [] };
  const reason = value('reason');
  for (const id of ids) {
    try {
      const result =
        action === 'classify'
          ? await classifyReport(client, { id, categoryId: value('categoryId'), ...(reason ? { reason } : {}) })
          : action === 'assign'
            ? await assignReport(client, { id, unitId: value('unitId'), ...(reason ? { reason } : {}) })
            : await rejectReport(client, {
                id,
                rejection: (value('rejection') || 'SPAM') as RejectionReason,
                reason,
                ...(value('duplicateOfCode') ? { duplicateOfCode: value('duplicateOfCode') } : {}),
              });
      if (result.__typename === 'ReportTransition') out.done += 1;
      else out.lines.push(refusalText(result, lang, m));
    } catch {
      out.lines.push(m.failed(null));
    }
  }
  return out;
}

/** Accepts each report's suggestion (classify, then assign); a line per report. */
export async function runAccept(client: Client, pairs: ReadonlyArray<{ report: InboxReport; s: Suggestion }>, lang: Lang, m: InboxMessages): Promise<StepOutcome> {
  const out: StepOutcome = { done: 0, lines: [] };
  for (const { report, s } of pairs) {
    try {
      const refusal = await acceptSuggestion(client, report, s);
      if (refusal) {
        out.lines.push(`${report.trackingCode}: ${refusalText(refusal, lang, m)}`);
      } else {
        out.done += 1;
        out.lines.push(m.accepted(report.trackingCode, nameIn(s.category, lang), s.unit ? nameIn(s.unit, lang) : null));
      }
    } catch {
      out.lines.push(`${report.trackingCode}: ${m.failed(null)}`);
    }
  }
  return out;
}

/** The intake form's required fields, in order. */
export const INTAKE_REQUIRED = ['phone', 'title', 'description', 'address'] as const;

/** Files a caller's report with the intake form's values: its codes and channel, or the refusal in the operator's words. */
export async function runIntake(
  client: Pick<PahtClient, 'submitReport'>,
  value: FieldValue,
  lang: Lang,
  m: InboxMessages,
): Promise<{ trackingCode: string; secret: string; channel: IntakeChannel } | { error: string }> {
  const channel = (value('channel') || 'HOTLINE_1022') as IntakeChannel;
  const optional = (name: string) => (value(name) ? { [name]: value(name) } : {});
  const input: SubmitReportInput & { channel: IntakeChannel } = {
    channel,
    title: value('title'),
    description: value('description'),
    address: value('address'),
    ...optional('categoryId'),
    reporter: { phone: value('phone'), ...optional('fullName'), ...optional('email') },
  };
  try {
    const result = await intakeReport(client, input);
    return result.__typename === 'SubmitReportSuccess' ? { trackingCode: result.trackingCode, secret: result.secret, channel } : { error: refusalText(result, lang, m) };
  } catch {
    return { error: m.failed(null) };
  }
}

/** The audited read of a reporter's contact: the contact, or the refusal in the operator's words. */
export async function readContact(client: Client, reportId: string, lang: Lang, m: InboxMessages): Promise<{ contact: ContactView | null; error: string | null }> {
  try {
    const result = await revealReporterContact(client, reportId);
    return result.__typename === 'ReporterContact'
      ? { contact: { fullName: result.fullName ?? null, phone: result.phone ?? null, email: result.email ?? null }, error: null }
      : { contact: null, error: refusalText(result, lang, m) };
  } catch {
    return { contact: null, error: m.failed(null) };
  }
}
