import { newIdempotencyKey } from '@paht/client-sdk/public';
import { submitIndicatorForm } from '@paht/client-sdk/staff';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { refusalOf, type FieldProblem } from '../staff/field-problems.js';
import type { StaffSession } from '../staff/staff-session.js';
import { NewestRead, renderLoadState } from '../staff/staff-workspace.js';
import { DraftAutosave, type DraftStatus } from './unit-forms-draft.js';
import { LoadRefused, loadEntry, loadUnitForms, typedValues, type EntryState, type FormsState, type UnitForm } from './unit-forms-model.js';
import { renderEntry, renderList, type RenderContext } from './unit-forms-render.js';
import { UNIT_FORMS_MESSAGES, type UnitFormsMessages } from './unit-forms.messages.js';
import { unitFormsStyles } from './unit-forms.styles.js';

/**
 * @summary A unit's indicator report forms (docs/indicators.md#report-forms)
 * for its officers and leaders: each active form the unit must submit, for
 * the current and the previous period, with the unit's state (submitted on
 * time or late, not submitted, overdue) and the deadline; an open form has a
 * field per indicator with its name, unit of measure, target and direction,
 * the value submitted and its history. Submitting again corrects the values
 * with a mandatory reason (each change audited and kept in the value's
 * history by the server). The API's refusals (a period of another
 * periodicity, a required value missing, a value out of bounds, a
 * correction without a reason) show at their fields, Vietnamese then English.
 * What is typed is kept as the unit's draft on the server a moment after
 * typing pauses (`draft-delay`), announced in a live region, and restored
 * when the form is opened again, by any officer of the unit. "Back to the
 * list" returns the focus to the row of the form left. A submission retried
 * after a network failure, with the same values, reuses its idempotency key,
 * so a first attempt that reached the server is not applied twice.
 *
 * @event paht-form-submitted - A form was submitted or corrected; `detail` is `{ formId, period, revision }`.
 * @event paht-error - The forms could not be loaded; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 */
export class PahtUnitForms extends PahtElement {
  static override styles = unitFormsStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    session: { attribute: false },
    state: { attribute: false },
    entry: { attribute: false },
    notice: { attribute: false },
    userId: { type: String, attribute: 'user-id' },
    timeZone: { type: String, attribute: 'time-zone' },
    now: { attribute: false },
    draftStatus: { attribute: false },
    draftDelay: { type: Number, attribute: 'draft-delay' },
  };

  /** The signed-in unit officer or leader; the forms load when it is set. Default: none. */
  declare session: StaffSession | null;
  declare state: FormsState;
  /** The form open for a period, if any. */
  declare entry: EntryState;
  declare notice: { ok: boolean; text: string } | null;
  /** The viewer's staff id when there is no session (fixed data: their submissions read "you"). */
  declare userId: string;
  /** The tenant's time zone, which the current period is read in. Default `Asia/Ho_Chi_Minh`. */
  declare timeZone: string;
  /** The clock the current period is read from; default the browser's. */
  declare now: Date | null;
  /** Where the open form's draft stands (the live status line). */
  declare draftStatus: DraftStatus;
  /** Milliseconds after the last keystroke before the draft is saved. Default 1500. */
  declare draftDelay: number;

  #session: StaffSession | null = null;
  #loads = new NewestRead();
  #opens = new NewestRead();
  #drafts = new DraftAutosave(
    () => this.session?.client ?? null,
    (status) => (this.draftStatus = status),
    () => this.draftDelay,
  );
  /** The submission last sent and not answered (a network failure): a retry of the same input reuses its key. */
  #unanswered: { input: string; key: string } | null = null;
  /** The form and period last opened, whose row takes the focus back. */
  #left: { code: string; period: string } | null = null;
  #onPageHide = () => void this.#drafts.flush();

  constructor() {
    super();
    this.session = null;
    this.state = { kind: 'idle' };
    this.entry = { kind: 'none' };
    this.notice = null;
    this.userId = '';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.now = null;
    this.draftStatus = { kind: 'none' };
    this.draftDelay = 1500;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#onPageHide);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    void this.#drafts.flush();
    super.disconnectedCallback();
  }

  protected get m(): UnitFormsMessages {
    return withOverrides(UNIT_FORMS_MESSAGES[this.language], this.language, this.messages);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session') && this.session !== this.#session) {
      this.#session = this.session;
      this.entry = { kind: 'none' };
      if (this.session) void this.load();
    }
  }

  /** Reads the forms due from the unit for the recent periods, with its state in each. */
  async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.userId = session.profile.userId;
    const newest = this.#loads.start();
    if (this.state.kind !== 'ready') this.state = { kind: 'loading' };
    try {
      const unitId = session.profile.unitId;
      if (!unitId) throw new LoadRefused(true);
      const { rows, indicators } = await loadUnitForms(session.client, unitId, this.now ?? new Date(), this.timeZone);
      if (newest()) this.state = { kind: 'ready', rows, indicators };
    } catch (error) {
      if (!newest()) return;
      if (error instanceof LoadRefused) {
        this.state = error.forbidden ? { kind: 'forbidden' } : { kind: 'failed', requestId: null };
        return;
      }
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
    }
  }

  /** Opens a form for a period: the unit's state and current values; `quiet` keeps what is shown while reading (after a submission). */
  async open(form: UnitForm, period: string, quiet = false): Promise<void> {
    const session = this.session;
    const unitId = session?.profile.unitId;
    if (!session || !unitId) return;
    const newest = this.#opens.start();
    void this.#drafts.stop();
    this.#left = { code: form.code, period };
    if (!quiet) {
      this.notice = null;
      this.entry = { kind: 'loading', formId: form.id, period };
    }
    try {
      const entry = await loadEntry(session.client, form, period, unitId);
      if (!newest()) return;
      this.entry = entry ? { kind: 'ready', entry } : { kind: 'failed', form, period, error: this.m.notDue, problems: [] };
      if (entry) {
        this.#drafts.start({ formId: entry.form.id, unitId, period: entry.period }, entry.draft?.revision ?? 0, entry.draft?.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value })) ?? []);
        this.draftStatus = entry.draft ? { kind: 'restored', at: entry.draft.savedAt } : { kind: 'none' };
      }
    } catch (error) {
      if (!newest()) return;
      const refusal = error instanceof LoadRefused ? error.refusal : null;
      this.entry = {
        kind: 'failed',
        form,
        period,
        error: refusal ? refusalOf(refusal, this.language, this.m.refused) : this.m.entryFailed,
        problems: (refusal?.fields ?? []).map((f) => ({ path: f.path, message: f.message })),
      };
    }
    await this.updateComplete;
    if (!quiet) this.renderRoot.querySelector<HTMLElement>('#entry-heading')?.focus();
  }

  /** Submits the open form (a correction when the unit already submitted it), reading each value typed. */
  async submit(form: HTMLFormElement): Promise<void> {
    const session = this.session;
    if (!session || this.entry.kind !== 'ready' || this.entry.entry.sending) return;
    const e = this.entry.entry;
    const { values, problems } = typedValues(form, e.form.items, this.m.notANumber);
    const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement | null)?.value.trim() ?? '';
    if (problems.length) {
      this.entry = { kind: 'ready', entry: { ...e, problems, error: null } };
      return;
    }
    this.notice = null;
    this.entry = { kind: 'ready', entry: { ...e, sending: true, error: null, problems: [] } };
    await this.#drafts.pause();
    const body = { formId: e.form.id, unitId: e.status.unitId, period: e.period, values, ...(reason ? { reason } : {}) };
    // The same input as a submission left unanswered is a retry of it: the same key, so the server applies it once.
    const fingerprint = JSON.stringify(body);
    if (this.#unanswered?.input !== fingerprint) this.#unanswered = { input: fingerprint, key: newIdempotencyKey() };
    const input = { ...body, idempotencyKey: this.#unanswered.key };
    try {
      const result = await submitIndicatorForm(session.client, { input });
      this.#unanswered = null;
      if (result.__typename !== 'IndicatorFormSubmission') {
        const fields = 'fields' in result ? (result.fields ?? []) : [];
        this.#setEntry({ sending: false, error: refusalOf(result, this.language, this.m.refused), problems: fields.map((f) => ({ path: f.path, message: f.message })) });
        return;
      }
      this.notice = { ok: true, text: this.m.submitted(result.revision, result.replayed) };
      this.emit('paht-form-submitted', { formId: result.formId, period: result.period, revision: result.revision });
      await Promise.all([this.open(e.form, e.period, true), this.load()]);
    } catch (error) {
      const detail = this.reportError(error);
      this.#setEntry({ sending: false, error: this.m.failed(detail.requestId), problems: [] });
    }
  }

  /** Back to the list, the focus on the row of the form left (or the heading when it has no row). */
  async back(): Promise<void> {
    void this.#drafts.stop();
    this.entry = { kind: 'none' };
    this.notice = null;
    this.draftStatus = { kind: 'none' };
    await this.updateComplete;
    const left = this.#left;
    const rows = [...this.renderRoot.querySelectorAll<HTMLTableRowElement>('tr[data-code]')];
    const row = rows.find((r) => r.dataset.code === left?.code && r.dataset.period === left?.period) ?? rows.find((r) => r.dataset.code === left?.code);
    (row?.querySelector<HTMLElement>('button') ?? this.renderRoot.querySelector<HTMLElement>('#forms-heading'))?.focus();
  }

  /** Deletes the open form's draft and shows the submitted values again. */
  async discardDraft(): Promise<void> {
    if (this.entry.kind !== 'ready') return;
    const { form, period } = this.entry.entry;
    try {
      await this.#drafts.discard();
    } catch {
      this.draftStatus = { kind: 'failed' };
      return;
    }
    await this.open(form, period, true);
    this.draftStatus = { kind: 'none' };
    this.notice = { ok: true, text: this.m.draftDiscarded };
  }

  #setEntry(change: { sending: boolean; error: string | null; problems: FieldProblem[] }): void {
    if (this.entry.kind === 'ready') this.entry = { kind: 'ready', entry: { ...this.entry.entry, ...change } };
  }

  override render() {
    const m = this.m;
    const c: RenderContext = {
      m,
      lang: this.language,
      userId: this.session?.profile.userId ?? this.userId,
      busy: this.entry.kind === 'loading',
      open: (form, period) => void this.open(form, period),
      back: () => void this.back(),
      draft: this.draftStatus,
      changed: (event) => {
        const form = event.currentTarget as HTMLFormElement;
        if (this.entry.kind !== 'ready' || !(event.target as HTMLElement).matches('input[name^="v-"]')) return;
        const items = this.entry.entry.form.items;
        this.#drafts.changed(() => typedValues(form, items, this.m.notANumber).values);
      },
      discard: () => void this.discardDraft(),
      submit: (event) => {
        event.preventDefault();
        void this.submit(event.target as HTMLFormElement);
      },
    };
    const loadState = this.state.kind === 'ready' ? null : renderLoadState(this.state, m, false);
    return html`<section class="forms-section" aria-labelledby="forms-heading">
      <div class="head">
        <h2 id="forms-heading" tabindex="-1">${m.heading}</h2>
        ${this.session ? html`<button type="button" class="secondary" part="button" @click=${() => void this.load()}>${m.reload}</button>` : nothing}
      </div>
      <p class="hint">${m.intro}</p>
      ${this.notice ? html`<p class=${`notice ${this.notice.ok ? 'ok' : 'error-box'}`} role="status">${this.notice.text}</p>` : nothing}
      ${loadState ??
      (this.state.kind === 'ready' ? (this.entry.kind === 'none' ? renderList(this.state.rows, c) : renderEntry(this.entry, this.state.indicators, c)) : nothing)}
    </section>`;
  }
}
