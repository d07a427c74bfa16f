import { listUnits, type Unit, type UnitQueueReportQuery, type UnitQueueReportsQuery } from '@paht/client-sdk/public';
import { createAnswerLink, draftAnswer, forwardReport, getUnitQueueReport, refuseExtension, requestExtension, requestInfo, returnReport, sendBackAnswer, unitQueue, type TransitionResult } from '@paht/client-sdk/staff';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatInstant, withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { renderModal, syncDialog } from '../staff/staff-dialog.js';
import type { StaffSession } from '../staff/staff-session.js';
import { followSession, NewestRead, renderLoadState } from '../staff/staff-workspace.js';
import { nameIn, STAFF_LABELS } from '../staff/staff-labels.js';
import { DIRECT_ACTIONS, directStep, queueActions, type QueueAction } from './queue-actions.js';
import { actionLabels, renderQueueDialog, type QueueDialog } from './queue-dialogs.js';
import { QUEUE_MESSAGES, type QueueMessages } from './unit-queue.messages.js';
import { queueStyles } from './unit-queue.styles.js';

export type QueueReport = Extract<UnitQueueReportsQuery['unitQueue'], { __typename: 'UnitQueueSuccess' }>['data'][number];
export type QueueDetail = Extract<UnitQueueReportQuery['report'], { __typename: 'Report' }>;
export type QueueState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; reports: QueueReport[] } | { kind: 'forbidden' } | { kind: 'failed'; requestId: string | null };
export type QueueDetailState = { kind: 'none' } | { kind: 'loading'; id: string } | { kind: 'ready'; report: QueueDetail } | { kind: 'failed'; id: string };
export type { QueueDialog } from './queue-dialogs.js';

type Refusal = { __typename: string; code: string; message: string; messageVi?: string; messageEn?: string };

/**
 * @summary A unit's work list for its officers and leaders: the reports the
 * unit holds, the nearest deadline first; accept or return, forward to a
 * sub-unit, ask the citizen (the clock pauses), request an extension the
 * unit leader approves or refuses, answer with photos for the leader's
 * approval. Offers only the steps the server says the caller may take.
 * The holding unit may also create an answer link for a contractor or a
 * commune without an account (shown once, with its expiry, to copy), which
 * opens `<paht-answer-link>` on the `answer-page`. Refreshes itself from the
 * session's live feed; a refresh re-renders the open report in place (each
 * step's button stays the element it is, so a press or the keyboard's focus
 * on it keeps meaning that step) and leaves an open dialog, and what was
 * typed in it, as it is.
 *
 * @event paht-handled - A step ran; `detail` is `{ action, reportId }`.
 * @event paht-error - The list could not be loaded; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 * @csspart list - The list of reports.
 * @csspart detail - The open report.
 */
export class PahtUnitQueue extends PahtElement {
  static override styles = queueStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    session: { attribute: false },
    state: { attribute: false },
    units: { attribute: false },
    unitId: { type: String, attribute: 'unit-id' },
    answerPage: { type: String, attribute: 'answer-page' },
    detail: { attribute: false },
    dialog: { attribute: false },
    notice: { attribute: false },
  };

  /** The signed-in unit officer or leader; the queue loads when it is set. Default: none. */
  declare session: StaffSession | null;
  declare state: QueueState;
  /** The tenant's units (names on the timeline, sub-units to forward to). */
  declare units: Unit[];
  /** The viewer's unit when there is no session (fixed data). */
  declare unitId: string;
  /** The page with `<paht-answer-link>` that answer links open (the report and token go in its `#fragment`, never to a server log). Default: this page. */
  declare answerPage: string;
  declare detail: QueueDetailState;
  declare dialog: QueueDialog | null;
  declare notice: { ok: boolean; text: string } | null;

  #session: StaffSession | null = null;
  #loads = 0;
  #opens = new NewestRead();
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #onChange = () => {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.reload(), 300);
  };

  constructor() {
    super();
    this.session = null;
    this.state = { kind: 'idle' };
    this.units = [];
    this.unitId = '';
    this.answerPage = '';
    this.detail = { kind: 'none' };
    this.dialog = null;
    this.notice = null;
  }

  protected get m(): QueueMessages {
    return withOverrides(QUEUE_MESSAGES[this.language], this.language, this.messages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(null);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session') && this.session !== this.#session) {
      this.#follow(this.session);
      if (this.session) void this.load();
    }
    syncDialog(this.renderRoot, this.dialog !== null, 'select, input, textarea, button');
  }

  #follow(session: StaffSession | null): void {
    followSession(this.#session, session, { change: this.#onChange, reconnected: this.#onChange });
    this.#session = session;
  }

  /** Loads the units and the queue. */
  async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.unitId = session.profile.unitId ?? '';
    this.state = { kind: 'loading' };
    try {
      this.units = await listUnits(session.client);
    } catch (error) {
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
      return;
    }
    await this.reload();
  }

  /** Reads the queue again, and the open report. */
  async reload(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const load = ++this.#loads;
    if (this.state.kind !== 'ready') this.state = { kind: 'loading' };
    try {
      const result = await unitQueue(session.client);
      if (load !== this.#loads) return;
      this.state = result.__typename === 'UnitQueueSuccess' ? { kind: 'ready', reports: result.data } : result.__typename === 'ForbiddenError' ? { kind: 'forbidden' } : { kind: 'failed', requestId: null };
    } catch (error) {
      if (load !== this.#loads) return;
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
      return;
    }
    if (this.detail.kind === 'ready') void this.open(this.detail.report.id, true);
  }

  /**
   * Opens a report with its timeline, pending requests and the steps the
   * viewer may take; `quiet`: reads the open report again (a refresh) and
   * keeps showing it meanwhile, and if the read fails. Only the newest
   * read's answer is shown.
   */
  async open(id: string, quiet = false): Promise<void> {
    const session = this.session;
    if (!session) return;
    const newest = this.#opens.start();
    if (!quiet) this.detail = { kind: 'loading', id };
    try {
      const result = await getUnitQueueReport(session.client, id);
      if (newest()) this.detail = result.__typename === 'Report' ? { kind: 'ready', report: result } : { kind: 'failed', id };
    } catch {
      if (newest() && !quiet) this.detail = { kind: 'failed', id };
    }
  }

  #refusal(r: Refusal): string {
    if (r.messageVi && r.messageEn) return this.language === 'en' ? r.messageEn : r.messageVi;
    return this.m.refused(r.code, r.message);
  }

  /** Takes a step on the open report: at once for the direct ones, else through its dialog. */
  act(action: QueueAction): void {
    if (this.detail.kind !== 'ready') return;
    const reportId = this.detail.report.id;
    if (DIRECT_ACTIONS.has(action)) void this.#run(action, reportId, () => directStep(this.session!.client, action, reportId));
    else this.dialog = { action, reportId, sending: false, error: null };
  }

  async #run(action: QueueAction, reportId: string, step: () => Promise<TransitionResult>): Promise<void> {
    // A direct step never touches a dialog opened while it was in flight.
    const viaDialog = this.dialog?.action === action;
    if (viaDialog) this.dialog = { ...this.dialog!, sending: true, error: null };
    const ownDialog = (): boolean => viaDialog && this.dialog?.action === action;
    try {
      const result = await step();
      if (result.__typename !== 'ReportTransition') {
        const text = this.#refusal(result);
        if (ownDialog()) this.dialog = { ...this.dialog!, sending: false, error: text };
        else this.notice = { ok: false, text };
        return;
      }
      if (ownDialog()) this.dialog = null;
      this.notice = { ok: true, text: this.m.done };
      this.emit('paht-handled', { action, reportId });
      await this.reload();
    } catch (error) {
      const text = this.m.failed((error as { requestId?: string | null }).requestId ?? null);
      if (ownDialog()) this.dialog = { ...this.dialog!, sending: false, error: text };
      else this.notice = { ok: false, text };
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const dialog = this.dialog;
    const client = this.session?.client;
    const id = dialog?.reportId ?? (this.detail.kind === 'ready' ? this.detail.report.id : null);
    if (!dialog || !client || !id) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
    const missing = [...form.querySelectorAll<HTMLInputElement>('[required]')].find((el) => !el.value.trim());
    if (missing) {
      this.dialog = { ...dialog, error: `${this.m.required}: ${form.querySelector(`label[for=${missing.id}]`)?.textContent ?? ''}` };
      missing.focus();
      return;
    }
    const reason = value('reason');
    const run = (step: () => Promise<TransitionResult>) => this.#run(dialog.action, id, step);
    switch (dialog.action) {
      case 'RETURN':
        return run(() => returnReport(client, { id, reason }));
      case 'ASK':
        return run(() => requestInfo(client, { id, reason }));
      case 'REFUSE_EXTENSION':
        return run(() => refuseExtension(client, { id, reason }));
      case 'SEND_BACK_ANSWER':
        return run(() => sendBackAnswer(client, { id, reason }));
      case 'FORWARD':
        return run(() => forwardReport(client, { id, unitId: value('unitId'), ...(reason ? { reason } : {}) }));
      case 'REQUEST_EXTENSION':
        return run(() => requestExtension(client, { id, extensionMinutes: Math.round(Number(value('hours')) * 60), reason }));
      case 'ANSWER_LINK':
        return this.#createLink(client, id, Number(value('days')) * 24);
      case 'DRAFT_ANSWER': {
        const files = [...((form.elements.namedItem('photos') as HTMLInputElement | null)?.files ?? [])];
        return run(async () => {
          const uploadIds: string[] = [];
          for (const file of files) {
            const uploaded = await client.upload(file);
            if (uploaded.__typename !== 'UploadSuccess') return { __typename: 'ValidationError', code: uploaded.code, message: uploaded.message } as unknown as TransitionResult;
            uploadIds.push(uploaded.upload.id);
          }
          return draftAnswer(client, { id, answer: value('answer'), ...(uploadIds.length ? { uploadIds } : {}) });
        });
      }
      default:
        return;
    }
  }

  /** Creates an answer link and shows it once in the dialog. */
  async #createLink(client: StaffSession['client'], id: string, hours: number): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    this.dialog = { ...dialog, sending: true, error: null };
    try {
      const result = await createAnswerLink(client, { id, hours });
      if (this.dialog?.action !== 'ANSWER_LINK') return; // closed meanwhile: the link is not shown
      if (result.__typename !== 'AnswerLink') {
        this.dialog = { ...dialog, sending: false, error: this.#refusal(result) };
        return;
      }
      const url = new URL(this.answerPage || location.href, location.href);
      url.hash = new URLSearchParams({ report: result.reportId, token: result.token }).toString();
      this.dialog = { ...dialog, sending: false, link: { url: url.toString(), expiresAt: result.expiresAt, copied: false } };
      this.emit('paht-handled', { action: 'ANSWER_LINK', reportId: id });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#q-link')?.focus();
    } catch (error) {
      this.dialog = { ...dialog, sending: false, error: this.m.failed((error as { requestId?: string | null }).requestId ?? null) };
    }
  }

  async #copyLink(): Promise<void> {
    const dialog = this.dialog;
    if (!dialog?.link) return;
    try {
      await navigator.clipboard.writeText(dialog.link.url);
      this.dialog = { ...dialog, link: { ...dialog.link, copied: true } };
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#q-link')?.select();
    }
  }

  #unitName(id: string | null | undefined): string {
    return nameIn(this.units.find((u) => u.id === id), this.language) || (id ?? '');
  }

  override render() {
    const m = this.m;
    return html`<section class="queue" aria-labelledby="queue-heading">
        <div class="head">
          <h2 id="queue-heading">${m.heading}</h2>
          <button type="button" class="secondary" part="button" @click=${() => void this.reload()}>${m.reload}</button>
        </div>
        ${this.notice ? html`<p class=${`notice ${this.notice.ok ? 'ok' : 'error-box'}`} role="status">${this.notice.text}</p>` : nothing}
        <div class="layout">
          <div class="list-pane" aria-live="polite" aria-busy=${this.state.kind === 'loading' ? 'true' : 'false'}>${this.#renderList(m)}</div>
          <div class="detail-pane" part="detail">${this.#renderDetail(m)}</div>
        </div>
      </section>
      ${renderModal(
        this.dialog
          ? renderQueueDialog(this.dialog, {
              m,
              lang: this.language,
              subUnits: this.units.filter((u) => u.parentId && u.parentId === this.unitId),
              onSubmit: (e) => void this.#submit(e),
              onCancel: () => (this.dialog = null),
              onCopy: () => void this.#copyLink(),
            })
          : nothing,
        () => (this.dialog = null),
      )}`;
  }

  #renderList(m: QueueMessages) {
    if (this.state.kind !== 'ready') return renderLoadState(this.state, m, false);
    if (!this.state.reports.length) return html`<p class="notice">${m.empty}</p>`;
    const labels = STAFF_LABELS[this.language];
    const openId = this.detail.kind === 'ready' ? this.detail.report.id : this.detail.kind === 'none' ? '' : this.detail.id;
    return html`<ul class="rows" part="list" aria-label=${m.list}>
        ${repeat(this.state.reports, (r) => r.id, (r) => {
          const late = r.dueAt !== null && r.dueAt !== undefined && Date.parse(r.dueAt) < Date.now();
          return html`<li class=${`row${r.id === openId ? ' open' : ''}`} data-code=${r.trackingCode}>
            <button type="button" class="link" part="button" aria-current=${r.id === openId ? 'true' : 'false'} @click=${() => void this.open(r.id)}>
              <span class="code">${r.trackingCode}</span> <span class="title">${r.title}</span>
            </button>
            <p class="meta">${labels.statuses[r.status]} · <span class=${late ? 'late' : ''}>${r.dueAt ? `${m.due} ${formatInstant(r.dueAt, this.language)}${late ? ` (${labels.sla.BREACHED})` : ''}` : m.noDue}</span></p>
          </li>`;
        })}
      </ul>
      <p class="hint">${m.live}</p>`;
  }

  #renderDetail(m: QueueMessages) {
    const d = this.detail;
    if (d.kind === 'none') return html`<p class="hint">${m.detailEmpty}</p>`;
    if (d.kind === 'loading') return html`<p role="status">${m.loading}</p>`;
    if (d.kind === 'failed') return html`<p class="notice error-box" role="alert">${m.detailFailed}</p>`;
    const r = d.report;
    const labels = STAFF_LABELS[this.language];
    const holds = r.unit?.id === this.unitId && (r.status === 'ACCEPTED' || r.status === 'IN_PROGRESS');
    const actions = queueActions(r.staffActions, { extension: !!r.pendingExtension, answer: !!r.pendingAnswer, answerLink: holds });
    const label = actionLabels(m);
    return html`<article aria-labelledby="detail-title">
      <h3 id="detail-title">${r.trackingCode} — ${r.title}</h3>
      <p class="meta">${labels.statuses[r.status]}${r.dueAt ? ` · ${m.due} ${formatInstant(r.dueAt, this.language)}` : ''}</p>
      ${r.forwardedBy ? html`<p class="hint">${m.forwardedBy(this.#unitName(r.forwardedBy))}</p>` : nothing}
      <p class="description">${r.description}</p>
      ${r.pendingExtension ? html`<p class="notice">${m.pendingExtension(r.pendingExtension.extensionMinutes ?? 0, r.pendingExtension.reason ?? '')}</p>` : nothing}
      ${r.pendingAnswer ? html`<div class="notice"><p>${m.pendingAnswer}</p><p>${r.pendingAnswer.answer}</p></div>` : nothing}
      <h4>${m.actions}</h4>
      ${actions.length
        ? html`<div class="actions">${repeat(actions, (a) => a, (a) => html`<button type="button" part="button" class=${DIRECT_ACTIONS.has(a) ? '' : 'secondary'} data-action=${a} @click=${() => this.act(a)}>${label[a]}</button>`)}</div>`
        : html`<p class="hint">${m.noActions}</p>`}
      <h4>${m.timeline}</h4>
      <ol class="timeline">
        ${r.timeline.map(
          (e) => html`<li>
            <strong>${labels.statuses[e.status]}</strong> · ${formatInstant(e.at, this.language)}
            ${e.actorUnitId ? html` · ${m.byUnit(this.#unitName(e.actorUnitId))}` : nothing}${e.toUnitId ? html` · ${m.toUnit(this.#unitName(e.toUnitId))}` : nothing}
            ${e.note ? html`<br /><span class="meta">${e.note}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </article>`;
  }
}
