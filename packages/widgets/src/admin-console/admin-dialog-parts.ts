import { html } from 'lit';
import { errorLine } from '../staff/field-problems.js';
import type { Lang } from '../shared/i18n.js';
import { nameIn } from '../staff/staff-labels.js';
import type { AdminMessages } from './admin-console.messages.js';
import type { AdminUnit, Indicator, SlaPolicy } from './admin-model.js';

// What every dialog of the admin console shares (admin-dialogs.ts,
// admin-indicator-dialogs.ts): its context, the refusal line, the buttons.

export { errorLine };

export interface DialogContext {
  m: AdminMessages;
  lang: Lang;
  units: readonly AdminUnit[];
  policies: readonly SlaPolicy[];
  indicators: readonly Indicator[];
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  onCopy: () => void;
}

export const UNIT_KINDS = ['DEPARTMENT', 'DISTRICT', 'COMMUNE', 'AGENCY', 'IOC'] as const;

export const actions = (c: DialogContext, sending: boolean, submit: string) => html`<div class="dialog-actions">
  <button type="submit" part="button" ?disabled=${sending}>${sending ? c.m.sending : submit}</button>
  <button type="button" class="secondary" part="button" @click=${c.onCancel}>${c.m.cancel}</button>
</div>`;
/** The active units as options, `empty` first (its value ''). */
export const unitOptions = (c: DialogContext, selected: string | null, empty: string) =>
  html`<option value="">${empty}</option>${c.units.filter((u) => u.active).map((u) => html`<option value=${u.id} ?selected=${u.id === selected}>${nameIn(u, c.lang)} (${u.code})</option>`)}`;
