import {
  acceptReport,
  approveAnswer,
  approveExtension,
  createAnswerLink,
  draftAnswer,
  forwardReport,
  getUnitQueueReport,
  listUnits,
  refuseExtension,
  requestExtension,
  requestInfo,
  returnReport,
  sendBackAnswer,
  startReport,
  unitQueue,
  type TransitionResult,
  type Unit,
  type UnitQueueReportQuery,
  type UnitQueueReportsQuery,
} from '@paht/client-sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatInstant, withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { StaffSession } from '../staff/staff-session.js';
import { followSession, renderLoadState, syncDialog } from '../staff/staff-workspace.js';
import { nameIn, STAFF_LABELS } from '../staff/staff-labels.js';
import { DIRECT_ACTIONS, queueActions, type QueueAction } from './queue-actions.js';
import { QUEUE_MESSAGES, type QueueMessages } from './unit-queue.messages.js';
import { queueStyles } from './unit-queue.styles.js';

export type QueueReport = Extract<UnitQueueReportsQuery['unitQueue'], { __typename: 'UnitQueueSuccess' }>['data'][number];
export type QueueDetail = Extract<UnitQueueReportQuery['report'], { __typename: 'Report' }>;
export type QueueState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; reports: QueueReport[] } | { kind: 'forbidden' } | { kind: 'failed'; requestId: string | null };
export type QueueDetailState = { kind: 'none' } | { kind: 'loading'; id: string } | { kind: 'ready'; report: QueueDetail } | { kind: 'failed'; id: string };
/** `link`: the answer link just created, shown once (kept only while its dialog is open). */
export type QueueDialog = { action: QueueAction; sending: boolean; error: string | null; link?: { url: string; expiresAt: string; copied: boolean } };

/** How long an answer link may work, in days (the API allows 1 hour to 30 days). */
const LINK_DAYS = [1, 3, 7, 14, 30] as const;

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
 * session's live feed.
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

  /** Opens a report with its timeline, pending requests and the steps the viewer may take. */
  async open(id: string, quiet = false): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (!quiet) this.detail = { kind: 'loading', id };
    try {
      const result = await getUnitQueueReport(session.client, id);
      this.detail = result.__typename === 'Report' ? { kind: 'ready', report: result } : { kind: 'failed', id };
    } catch {
      this.detail = { kind: 'failed', id };
    }
  }

  #refusal(r: Refusal): string {
    if (r.messageVi && r.messageEn) return this.language === 'en' ? r.messageEn : r.messageVi;
    return this.m.refused(r.code, r.message);
  }

  /** Takes a step on the open report: at once for the direct ones, else through its dialog. */
  act(action: QueueAction): void {
    if (this.detail.kind !== 'ready') return;
    if (DIRECT_ACTIONS.has(action)) void this.#run(action, () => this.#direct(action, (this.detail as { report: QueueDetail }).report.id));
    else this.dialog = { action, sending: false, error: null };
  }

  #direct(action: QueueAction, id: string): Promise<TransitionResult> {
    const client = this.session!.client;
    switch (action) {
      case 'ACCEPT':
        return acceptReport(client, { id });
      case 'START':
        return startReport(client, { id });
      case 'APPROVE_EXTENSION':
        return approveExtension(client, { id });
      default:
        return approveAnswer(client, { id });
    }
  }

  async #run(action: QueueAction, step: () => Promise<TransitionResult>): Promise<void> {
    const report = this.detail.kind === 'ready' ? this.detail.report : null;
    if (!report) return;
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
      this.emit('paht-handled', { action, reportId: report.id });
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
    if (!dialog || !client || this.detail.kind !== 'ready') return;
    const id = this.detail.report.id;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
    const missing = [...form.querySelectorAll<HTMLInputElement>('[required]')].find((el) => !el.value.trim());
    if (missing) {
      this.dialog = { ...dialog, error: `${this.m.required}: ${form.querySelector(`label[for=${missing.id}]`)?.textContent ?? ''}` };
      missing.focus();
      return;
    }
    const reason = value('reason');
    const run = (step: () => Promise<TransitionResult>) => this.#run(dialog.action, step);
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
      <dialog id="dialog" aria-labelledby="dialog-title" @close=${() => (this.dialog = null)}>${this.dialog ? this.#renderDialog(this.dialog, m) : nothing}</dialog>`;
  }

  #renderList(m: QueueMessages) {
    if (this.state.kind !== 'ready') return renderLoadState(this.state, m, false);
    if (!this.state.reports.length) return html`<p class="notice">${m.empty}</p>`;
    const labels = STAFF_LABELS[this.language];
    const openId = this.detail.kind === 'ready' ? this.detail.report.id : this.detail.kind === 'none' ? '' : this.detail.id;
    return html`<ul class="rows" part="list" aria-label=${m.list}>
        ${this.state.reports.map((r) => {
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
    const label: Record<QueueAction, string> = {
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
    return html`<article aria-labelledby="detail-title">
      <h3 id="detail-title">${r.trackingCode} — ${r.title}</h3>
      <p class="meta">${labels.statuses[r.status]}${r.dueAt ? ` · ${m.due} ${formatInstant(r.dueAt, this.language)}` : ''}</p>
      ${r.forwardedBy ? html`<p class="hint">${m.forwardedBy(this.#unitName(r.forwardedBy))}</p>` : nothing}
      <p class="description">${r.description}</p>
      ${r.pendingExtension ? html`<p class="notice">${m.pendingExtension(r.pendingExtension.extensionMinutes ?? 0, r.pendingExtension.reason ?? '')}</p>` : nothing}
      ${r.pendingAnswer ? html`<div class="notice"><p>${m.pendingAnswer}</p><p>${r.pendingAnswer.answer}</p></div>` : nothing}
      <h4>${m.actions}</h4>
      ${actions.length
        ? html`<div class="actions">${actions.map((a) => html`<button type="button" part="button" class=${DIRECT_ACTIONS.has(a) ? '' : 'secondary'} data-action=${a} @click=${() => this.act(a)}>${label[a]}</button>`)}</div>`
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

  #renderDialog(dialog: QueueDialog, m: QueueMessages) {
    const titles: Partial<Record<QueueAction, string>> = {
      RETURN: m.returnIt,
      ASK: m.askCitizen,
      REFUSE_EXTENSION: m.refuseExtension,
      SEND_BACK_ANSWER: m.sendBack,
      FORWARD: m.forward,
      REQUEST_EXTENSION: m.requestExtension,
      DRAFT_ANSWER: m.draftAnswer,
      ANSWER_LINK: m.answerLink,
    };
    if (dialog.link) return this.#renderLink(dialog.link, titles.ANSWER_LINK!, m);
    const subUnits = this.units.filter((u) => u.parentId && u.parentId === this.unitId);
    const reasonField = (required: boolean, label = m.reason) =>
      html`<div class="field"><label for="q-reason">${label}</label><textarea id="q-reason" name="reason" ?required=${required}></textarea></div>`;
    let body;
    switch (dialog.action) {
      case 'FORWARD':
        body = subUnits.length
          ? html`<div class="field"><label for="q-unit">${m.subUnit}</label><select id="q-unit" name="unitId" required>${subUnits.map((u) => html`<option value=${u.id}>${nameIn(u, this.language)}</option>`)}</select></div>
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
    return html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
      <h2 id="dialog-title">${titles[dialog.action] ?? dialog.action}</h2>
      ${body} ${dialog.error ? html`<p class="notice error-box" role="alert">${dialog.error}</p>` : nothing}
      <div class="dialog-actions">
        <button type="submit" part="button" ?disabled=${dialog.sending}>${dialog.sending ? m.sending : dialog.action === 'ANSWER_LINK' ? m.linkCreate : m.submit}</button>
        <button type="button" class="secondary" part="button" @click=${() => (this.dialog = null)}>${m.cancel}</button>
      </div>
    </form>`;
  }

  /** The answer link, shown once: to copy, with its expiry; gone when the dialog closes. */
  #renderLink(link: NonNullable<QueueDialog['link']>, title: string, m: QueueMessages) {
    return html`<div class="link-done">
      <h2 id="dialog-title">${title}</h2>
      <p class="notice" id="q-link-once">${m.linkOnce}</p>
      <div class="field"><label for="q-link">${m.linkLabel}</label><input id="q-link" readonly .value=${link.url} aria-describedby="q-link-once q-link-expiry" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></div>
      <p class="hint" id="q-link-expiry">${m.linkExpires(formatInstant(link.expiresAt, this.language))}</p>
      ${link.copied ? html`<p class="notice ok" role="status">${m.copied}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" part="button" @click=${() => void this.#copyLink()}>${m.copy}</button>
        <button type="button" class="secondary" part="button" @click=${() => (this.dialog = null)}>${m.close}</button>
      </div>
    </div>`;
  }
}
