import type { Unit } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, type Lang } from '../shared/i18n.js';
import { nameIn } from '../staff/staff-labels.js';
import type { QueueAction } from './queue-actions.js';
import type { QueueMessages } from './unit-queue.messages.js';

/**
 * The dialog open over the queue, if any. `reportId`: the report it was
 * opened for (it is sent for that report even if the open report changes
 * under it; default: the open report). `link`: the answer link just
 * created, shown once (kept only while its dialog is open).
 */
export type QueueDialog = { action: QueueAction; reportId?: string; sending: boolean; error: string | null; link?: { url: string; expiresAt: string; copied: boolean } };

/** How long an answer link may work, in days (the API allows 1 hour to 30 days). */
const LINK_DAYS = [1, 3, 7, 14, 30] as const;

export interface QueueDialogContext {
  m: QueueMessages;
  lang: Lang;
  /** The viewer's unit's sub-units (forward to). */
  subUnits: readonly Unit[];
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  onCopy: () => void;
}

/** Each step's name, on its button and as its dialog's title. */
export function actionLabels(m: QueueMessages): Record<QueueAction, string> {
  return {
    ACCEPT: m.accept,
    RETURN: m.returnIt,
    START: m.start,
    FORWARD: m.forward,
    ASK: m.askCitizen,
    REQUEST_EXTENSION: m.requestExtension,
    APPROVE_EXTENSION: m.approveExtension,
    REFUSE_EXTENSION: m.refuseExtension,
    DRAFT_ANSWER: m.draftAnswer,
    APPROVE_ANSWER: m.approveAnswer,
    SEND_BACK_ANSWER: m.sendBack,
    ANSWER_LINK: m.answerLink,
  };
}

/** The dialog's body for its step (the `<dialog>` itself is the component's). */
export function renderQueueDialog(dialog: QueueDialog, c: QueueDialogContext): TemplateResult {
  const { m } = c;
  const titles = actionLabels(m);
  if (dialog.link) return renderLink(dialog.link, titles.ANSWER_LINK, c);
  const reasonField = (required: boolean, label = m.reason) =>
    html`<div class="field"><label for="q-reason">${label}</label><textarea id="q-reason" name="reason" ?required=${required}></textarea></div>`;
  let body;
  switch (dialog.action) {
    case 'FORWARD':
      body = c.subUnits.length
        ? html`<div class="field"><label for="q-unit">${m.subUnit}</label><select id="q-unit" name="unitId" required>${c.subUnits.map((u) => html`<option value=${u.id}>${nameIn(u, c.lang)}</option>`)}</select></div>
            ${reasonField(false)}`
        : html`<p class="notice">${m.noSubUnits}</p>`;
      break;
    case 'REQUEST_EXTENSION':
      body = html`<div class="field"><label for="q-hours">${m.extensionHours}</label><input id="q-hours" name="hours" type="number" min="1" value="8" required /></div>${reasonField(true)}`;
      break;
    case 'DRAFT_ANSWER':
      body = html`<div class="field"><label for="q-answer">${m.answer}</label><textarea id="q-answer" name="answer" required></textarea></div>
        <div class="field"><label for="q-photos">${m.photos}</label><input id="q-photos" name="photos" type="file" accept="image/jpeg,image/png" multiple aria-describedby="q-photos-hint" /><p class="hint" id="q-photos-hint">${m.photosHint}</p></div>`;
      break;
    case 'ASK':
      body = reasonField(true, m.question);
      break;
    case 'ANSWER_LINK':
      body = html`<div class="field"><label for="q-days">${m.linkHours}</label><select id="q-days" name="days">${LINK_DAYS.map((d) => html`<option value=${d} ?selected=${d === 7}>${m.linkDays(d)}</option>`)}</select></div>`;
      break;
    default:
      body = reasonField(true);
  }
  return html`<form @submit=${c.onSubmit} novalidate>
    <h2 id="dialog-title">${titles[dialog.action]}</h2>
    ${body} ${dialog.error ? html`<p class="notice error-box" role="alert">${dialog.error}</p>` : nothing}
    <div class="dialog-actions">
      <button type="submit" part="button" ?disabled=${dialog.sending}>${dialog.sending ? m.sending : dialog.action === 'ANSWER_LINK' ? m.linkCreate : m.submit}</button>
      <button type="button" class="secondary" part="button" @click=${c.onCancel}>${m.cancel}</button>
    </div>
  </form>`;
}

/** The answer link, shown once: to copy, with its expiry; gone when the dialog closes. */
function renderLink(link: NonNullable<QueueDialog['link']>, title: string, c: QueueDialogContext): TemplateResult {
  const { m } = c;
  return html`<div class="link-done">
    <h2 id="dialog-title">${title}</h2>
    <p class="notice" id="q-link-once">${m.linkOnce}</p>
    <div class="field"><label for="q-link">${m.linkLabel}</label><input id="q-link" readonly .value=${link.url} aria-describedby="q-link-once q-link-expiry" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></div>
    <p class="hint" id="q-link-expiry">${m.linkExpires(formatInstant(link.expiresAt, c.lang))}</p>
    ${link.copied ? html`<p class="notice ok" role="status">${m.copied}</p>` : nothing}
    <div class="dialog-actions">
      <button type="button" part="button" @click=${c.onCopy}>${m.copy}</button>
      <button type="button" class="secondary" part="button" @click=${c.onCancel}>${m.close}</button>
    </div>
  </div>`;
}
