// What the inbox's dialogs do when submitted: a triage step on the chosen
// reports, a report taken on behalf of a caller, a merge. Each shows its
// progress and outcome through the context the component gives it.
import type { PahtClient } from '@paht/client-sdk/staff';
import type { Lang } from '../shared/i18n.js';
import type { InboxDialog } from './inbox-dialogs.js';
import { runMerge } from './inbox-duplicates.js';
import { INTAKE_REQUIRED, runIntake, runTriage, type FieldValue } from './inbox-steps.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

export interface SubmitContext {
  client: PahtClient;
  m: InboxMessages;
  lang: Lang;
  /** Shows `next` as the open dialog (null closes it). */
  show(next: InboxDialog | null): void;
  emit(name: string, detail: unknown): void;
  /** After a step: the outcome shown, the list and the open report read again. */
  afterStep(notice: { ok: boolean; text: string }): Promise<void>;
  reload(): Promise<void>;
}

/** Runs the step of the open dialog with what its form holds. */
export async function submitDialog(dialog: InboxDialog, form: HTMLFormElement, c: SubmitContext): Promise<void> {
  if (dialog.kind === 'help' || dialog.kind === 'contact') return;
  if (dialog.kind === 'merge') return merge(dialog, (form.elements.namedItem('reason') as HTMLTextAreaElement | null)?.value.trim() ?? '', c);
  const value = (name: string) => {
    const field = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
    return (field?.value ?? '').trim();
  };
  if (dialog.kind === 'intake') return intake(dialog, form, value, c);
  if (dialog.kind === 'reject' && !value('reason')) return c.show({ ...dialog, error: c.m.reasonRequired });
  c.show({ ...dialog, sending: true, error: null });
  const { done, lines: errors } = await runTriage(c.client, dialog.kind, dialog.ids, value, c.lang, c.m);
  c.emit('paht-triaged', { action: dialog.kind, done, total: dialog.ids.length });
  if (done === 0) return c.show({ ...dialog, sending: false, error: errors[0] ?? c.m.failed(null) });
  c.show(null);
  await c.afterStep({ ok: errors.length === 0, text: [c.m.done(done, dialog.ids.length), ...new Set(errors)].join(' ') });
}

async function merge(dialog: Extract<InboxDialog, { kind: 'merge' }>, reason: string, c: SubmitContext): Promise<void> {
  c.show({ ...dialog, sending: true, error: null });
  const outcome = await runMerge(c.client, dialog, reason, c.lang, c.m);
  if ('error' in outcome) return c.show({ ...dialog, sending: false, error: outcome.error });
  c.emit('paht-triaged', { action: 'merge', done: 1, total: 1 });
  c.show(null);
  await c.afterStep({ ok: true, text: outcome.done });
}

async function intake(dialog: Extract<InboxDialog, { kind: 'intake' }>, form: HTMLFormElement, value: FieldValue, c: SubmitContext): Promise<void> {
  const missing = INTAKE_REQUIRED.find((name) => !value(name));
  if (missing) {
    c.show({ ...dialog, error: `${c.m.required} ${form.querySelector(`label[for=i-${missing}]`)?.textContent ?? ''}` });
    form.querySelector<HTMLElement>(`#i-${missing}`)?.focus();
    return;
  }
  c.show({ ...dialog, sending: true, error: null });
  const outcome = await runIntake(c.client, value, c.lang, c.m);
  if ('error' in outcome) return c.show({ ...dialog, sending: false, error: outcome.error });
  c.show({ ...dialog, sending: false, done: { trackingCode: outcome.trackingCode, secret: outcome.secret } });
  c.emit('paht-report-taken', { trackingCode: outcome.trackingCode, channel: outcome.channel });
  void c.reload();
}
