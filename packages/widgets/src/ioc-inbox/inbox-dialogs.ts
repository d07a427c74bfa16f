import { type Category, type RejectionReason, type Unit } from '@paht/client-sdk/public';
import { INTAKE_CHANNELS, type IntakeChannel } from '@paht/client-sdk/staff';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../shared/i18n.js';
import { nameIn, STAFF_LABELS } from '../staff/staff-labels.js';
import { renderMergeDialog, type MergeDialog } from './inbox-duplicates.js';
import type { TriageAction } from './inbox-model.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

/** A reporter's contact, held only while its dialog is open. */
export interface ContactView {
  fullName: string | null;
  phone: string | null;
  email: string | null;
}

/** The dialog open over the inbox, if any. `error` is a refusal to show in it; `skipped` counts selected reports not at the step. */
export type InboxDialog =
  | {
      kind: TriageAction;
      ids: string[];
      skipped: number;
      sending: boolean;
      error: string | null;
      rejection?: RejectionReason;
      /** What classify and assign pre-select, read when the dialog opened (default: from the first report's row). */
      defaults?: { currentCategoryId: string; suggestedUnitId: string };
    }
  | { kind: 'intake'; sending: boolean; error: string | null; done: { trackingCode: string; secret: string } | null }
  | { kind: 'help' }
  | MergeDialog
  | { kind: 'contact'; trackingCode: string; contact: ContactView | null; error: string | null };

export interface DialogContext {
  m: InboxMessages;
  lang: Lang;
  categories: readonly Category[];
  units: readonly Unit[];
  /** The category already on the report, else the suggested one (classify pre-selects it). */
  currentCategoryId: string;
  /** The suggested unit (assign pre-selects it). */
  suggestedUnitId: string;
  onSubmit: (event: SubmitEvent) => void;
  onRejection: (value: RejectionReason) => void;
  onCancel: () => void;
}

const REJECTIONS: readonly RejectionReason[] = ['SPAM', 'DUPLICATE', 'OUT_OF_SCOPE'];

const actions = (c: DialogContext, sending: boolean, submit: string) => html`<div class="dialog-actions">
  <button type="submit" part="button" ?disabled=${sending}>${sending ? c.m.sending : submit}</button>
  <button type="button" class="secondary" part="button" @click=${c.onCancel}>${c.m.cancel}</button>
</div>`;

const errorLine = (error: string | null) => (error ? html`<p class="notice error-box" role="alert">${error}</p>` : nothing);

/** The dialog's body for its kind (the `<dialog>` itself is the component's). */
export function renderDialog(dialog: InboxDialog, c: DialogContext): TemplateResult {
  const { m, lang } = c;
  const labels = STAFF_LABELS[lang];
  switch (dialog.kind) {
    case 'help':
      return html`<h2 id="dialog-title">${m.shortcuts}</h2>
        <dl class="shortcuts">${m.shortcutList.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}</dl>
        <div class="dialog-actions"><button type="button" part="button" @click=${c.onCancel}>${m.close}</button></div>`;
    case 'contact':
      return html`<h2 id="dialog-title">${m.contactHeading} — ${dialog.trackingCode}</h2>
        ${errorLine(dialog.error)}
        ${dialog.contact
          ? html`<p class="hint">${m.contactAudit}</p>
              <dl class="facts">
                <div><dt>${m.contactName}</dt><dd>${dialog.contact.fullName ?? m.none}</dd></div>
                <div><dt>${m.contactPhone}</dt><dd>${dialog.contact.phone ? html`<a href=${`tel:${dialog.contact.phone}`}>${dialog.contact.phone}</a>` : m.none}</dd></div>
                <div><dt>${m.contactEmail}</dt><dd>${dialog.contact.email ?? m.none}</dd></div>
              </dl>`
          : dialog.error
            ? nothing
            : html`<p role="status">${m.loading}</p>`}
        <div class="dialog-actions"><button type="button" part="button" @click=${c.onCancel}>${m.close}</button></div>`;
    case 'classify':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.classifyTitle(dialog.ids.length)}</h2>
        ${dialog.skipped ? html`<p class="hint">${m.notApplicable(dialog.skipped)}</p>` : nothing}
        <div class="field">
          <label for="d-category">${m.chooseCategory}</label>
          <select id="d-category" name="categoryId" required>
            ${c.categories.map((cat) => html`<option value=${cat.id} ?selected=${cat.id === c.currentCategoryId}>${nameIn(cat, lang)}</option>`)}
          </select>
        </div>
        <div class="field"><label for="d-note">${m.note}</label><input id="d-note" name="reason" autocomplete="off" /></div>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.classify)}
      </form>`;
    case 'assign':
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.assignTitle(dialog.ids.length)}</h2>
        ${dialog.skipped ? html`<p class="hint">${m.notApplicable(dialog.skipped)}</p>` : nothing}
        <div class="field">
          <label for="d-unit">${m.chooseUnit}</label>
          <select id="d-unit" name="unitId" required>
            ${c.units.filter((u) => u.kind !== 'IOC').map((unit) => html`<option value=${unit.id} ?selected=${unit.id === c.suggestedUnitId}>${nameIn(unit, lang)}</option>`)}
          </select>
        </div>
        <div class="field"><label for="d-note">${m.note}</label><input id="d-note" name="reason" autocomplete="off" /></div>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.assign)}
      </form>`;
    case 'reject': {
      const rejection = dialog.rejection ?? 'SPAM';
      return html`<form @submit=${c.onSubmit} novalidate>
        <h2 id="dialog-title">${m.rejectTitle(dialog.ids.length)}</h2>
        ${dialog.skipped ? html`<p class="hint">${m.notApplicable(dialog.skipped)}</p>` : nothing}
        <fieldset class="choices">
          <legend>${m.rejection}</legend>
          ${REJECTIONS.map(
            (r) => html`<label class="choice"><input type="radio" name="rejection" value=${r} .checked=${r === rejection}
              @change=${() => c.onRejection(r)} />${labels.rejections[r]}</label>`,
          )}
        </fieldset>
        ${rejection === 'DUPLICATE'
          ? html`<div class="field"><label for="d-duplicate">${m.duplicateOf}</label><input id="d-duplicate" name="duplicateOfCode" autocomplete="off" required /></div>`
          : nothing}
        <div class="field">
          <label for="d-reason">${m.reason}</label>
          <textarea id="d-reason" name="reason" required aria-describedby="d-reason-hint"></textarea>
          <p class="hint" id="d-reason-hint">${m.reasonHint}</p>
        </div>
        ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.reject)}
      </form>`;
    }
    case 'intake':
      return renderIntake(dialog, c);
    case 'merge':
      return renderMergeDialog(dialog, m, c.onSubmit, c.onCancel);
  }
}

function renderIntake(dialog: Extract<InboxDialog, { kind: 'intake' }>, c: DialogContext): TemplateResult {
  const { m, lang } = c;
  const labels = STAFF_LABELS[lang];
  if (dialog.done) {
    return html`<h2 id="dialog-title">${m.intakeTitle}</h2>
      <p class="notice ok" role="status" id="intake-done">${m.intakeDone(dialog.done.trackingCode, dialog.done.secret)}</p>
      <div class="dialog-actions"><button type="button" part="button" @click=${c.onCancel}>${m.close}</button></div>`;
  }
  const field = (id: string, label: string, input: TemplateResult) => html`<div class="field"><label for=${id}>${label}</label>${input}</div>`;
  return html`<form @submit=${c.onSubmit} novalidate>
    <h2 id="dialog-title">${m.intakeTitle}</h2>
    <p class="hint">${m.intakeIntro}</p>
    <fieldset class="choices">
      <legend>${m.intakeChannel}</legend>
      ${INTAKE_CHANNELS.map(
        (ch: IntakeChannel, i) => html`<label class="choice"><input type="radio" name="channel" value=${ch} ?checked=${i === 0} />${labels.channels[ch]}</label>`,
      )}
    </fieldset>
    ${field('i-phone', m.callerPhone, html`<input id="i-phone" name="phone" type="tel" autocomplete="off" required />`)}
    ${field('i-name', m.callerName, html`<input id="i-name" name="fullName" autocomplete="off" />`)}
    ${field('i-email', m.callerEmail, html`<input id="i-email" name="email" type="email" autocomplete="off" />`)}
    ${field('i-title', m.title, html`<input id="i-title" name="title" autocomplete="off" required />`)}
    ${field('i-description', m.description, html`<textarea id="i-description" name="description" required></textarea>`)}
    ${field('i-address', m.address, html`<input id="i-address" name="address" autocomplete="off" required />`)}
    ${field(
      'i-category',
      m.category,
      html`<select id="i-category" name="categoryId"><option value="">${m.none}</option>${c.categories.map((cat) => html`<option value=${cat.id}>${nameIn(cat, lang)}</option>`)}</select>`,
    )}
    ${errorLine(dialog.error)} ${actions(c, dialog.sending, m.intakeSubmit)}
  </form>`;
}
