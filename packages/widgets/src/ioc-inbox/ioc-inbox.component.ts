import { listCategories, listUnits, type Category, type StaffReportQuery, type StaffRole, type Unit } from '@paht/client-sdk/public';
import { getReport, listInboxReports, listStaffCategories, type InboxReport } from '@paht/client-sdk/staff';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { StaffSession } from '../staff/staff-session.js';
import { syncDialog } from '../staff/staff-dialog.js';
import { NewestRead } from '../staff/staff-workspace.js';
import type { InboxDialog } from './inbox-dialogs.js';
import { loadDuplicates, type DuplicatesState, type MergePair } from './inbox-duplicates.js';
import { inboxCommand } from './inbox-keys.js';
import { LiveInbox } from './inbox-live.js';
import { readContact, runAccept } from './inbox-steps.js';
import { submitDialog } from './inbox-submit.js';
import { dialogDefaults, suggestionFor, type Suggestion } from './inbox-suggestions.js';
import { renderInbox } from './inbox-view.js';
import { apiFilter, DEFAULT_FILTERS, inboxOrder, triageable, type InboxFilters, type TriageAction } from './inbox-model.js';
import { INBOX_MESSAGES, type InboxMessages } from './ioc-inbox.messages.js';
import { inboxStyles } from './ioc-inbox.styles.js';

export type InboxState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; reports: InboxReport[]; truncated: boolean }
  | { kind: 'forbidden' }
  | { kind: 'failed'; requestId: string | null };

export type StaffReport = Extract<StaffReportQuery['report'], { __typename: 'Report' }>;
export type DetailState = { kind: 'none' } | { kind: 'loading'; id: string } | { kind: 'ready'; report: StaffReport } | { kind: 'failed'; id: string };

/**
 * @summary The IOC's work list: new, returned and near-deadline reports,
 * what is due first on top (and, as pressing, what affects more people),
 * with filters and the Vietnamese search; keyboard-driven triage (classify,
 * reject with a reason, assign, accept the suggested category and unit with
 * one key), bulk actions on a selection, possible duplicates beside the open
 * report and merging them, intake on behalf of a caller with the channel
 * recorded, and the reporter's contact behind an audited "show contact".
 * Refreshes itself when reports change (the session's live feed).
 *
 * Needs a signed-in `session` (set by `<paht-staff-console>`, or by the
 * page from `StaffSession.signIn`).
 *
 * @event paht-triaged - A triage step ran; `detail` is `{ action, done, total }`.
 * @event paht-report-taken - A caller's report was recorded; `detail` is `{ trackingCode, channel }`.
 * @event paht-error - The list could not be loaded; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 * @csspart filters - The filter form.
 * @csspart list - The list of reports.
 * @csspart detail - The open report.
 *
 * @cssproperty --paht-inbox-overdue - Overdue badges. Default: `--paht-color-error`.
 * @cssproperty --paht-inbox-warning - Due-soon badges. Default: `--paht-color-warning`.
 */
export class PahtIocInbox extends PahtElement {
  static override styles = inboxStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    session: { attribute: false },
    refreshSeconds: { type: Number, attribute: 'refresh-seconds' },
    staffRole: { type: String, attribute: 'staff-role' },
    state: { attribute: false },
    categories: { attribute: false },
    units: { attribute: false },
    filters: { attribute: false },
    active: { type: Number },
    selected: { attribute: false },
    dialog: { attribute: false },
    detail: { attribute: false },
    duplicates: { attribute: false },
    notice: { attribute: false },
  };

  /** The signed-in staff member; the inbox loads when it is set. Default: none (shows "sign in"). */
  declare session: StaffSession | null;
  /**
   * Seconds between quiet reloads of the list while a session is set. The
   * live feed (iocInbox) tells of new, returned, answered and closed reports at
   * once; steps other operators take (classify, assign, reject) show at the
   * next reload. Default 60; 0 turns it off. Takes effect when the session is set.
   */
  declare refreshSeconds: number;
  /** The role when there is no session (fixed data): decides whether triage is offered. Default: `IOC_OPERATOR`. */
  declare staffRole: StaffRole;
  /** What is shown (set it to show fixed data). */
  declare state: InboxState;
  declare categories: Category[];
  declare units: Unit[];
  declare filters: InboxFilters;
  /** The position of the row the keyboard is on. */
  declare active: number;
  /** Ids of the selected reports (bulk actions). */
  declare selected: string[];
  declare dialog: InboxDialog | null;
  declare detail: DetailState;
  /** The open report's possible duplicates (operators). */
  declare duplicates: DuplicatesState;
  /** The outcome of the last step, shown above the list. */
  declare notice: { ok: boolean; text: string } | null;

  #live = new LiveInbox(this);
  #load = 0;
  #opens = new NewestRead();
  #onKey = (event: KeyboardEvent) => this.#key(event);

  constructor() {
    super();
    this.session = null;
    this.refreshSeconds = 60;
    this.staffRole = 'IOC_OPERATOR';
    this.state = { kind: 'idle' };
    this.categories = [];
    this.units = [];
    this.filters = DEFAULT_FILTERS;
    this.active = 0;
    this.selected = [];
    this.dialog = null;
    this.detail = { kind: 'none' };
    this.duplicates = { kind: 'none' };
    this.notice = null;
  }

  protected get m(): InboxMessages {
    return withOverrides(INBOX_MESSAGES[this.language], this.language, this.messages);
  }

  /** True when the viewer may classify, assign and reject (IOC operators). */
  get canTriage(): boolean {
    return (this.session?.profile.role ?? this.staffRole) === 'IOC_OPERATOR';
  }

  /** The clock deadlines are read against (the browser's; set it to show fixed data at a fixed time). */
  now: () => number = () => Date.now();

  /** The reports in the order shown. */
  get rows(): InboxReport[] {
    return this.state.kind === 'ready' ? inboxOrder(this.state.reports, this.filters, this.now()) : [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session') && this.session !== this.#live.session) {
      this.#live.follow(this.session);
      if (this.session) void this.load();
    }
    syncDialog(this.renderRoot, this.dialog !== null, 'select, input:not([type=radio]), textarea, input:checked, button');
  }

  /** Loads the categories, the units and the list. */
  async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.state = { kind: 'loading' };
    try {
      // Staff classify into private categories too; the public list is the fallback.
      const [categories, units] = await Promise.all([listStaffCategories(session.client), listUnits(session.client)]);
      this.categories = categories.__typename === 'StaffCategoriesSuccess' ? categories.data : await listCategories(session.client);
      this.units = units;
    } catch (error) {
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
      return;
    }
    await this.reload();
  }

  /** Reads the list again with the current filters, keeping the keyboard on the same report. */
  async reload(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const load = ++this.#load;
    if (this.state.kind !== 'ready') this.state = { kind: 'loading' };
    try {
      const result = await listInboxReports(session.client, apiFilter(this.filters), { withSuggestions: this.canTriage });
      if (load !== this.#load) return;
      if (result.__typename === 'InboxReports') {
        // The keyboard stays on the report it is on now (the order may change under it).
        const activeId = this.rows[this.active]?.id;
        this.state = { kind: 'ready', reports: result.reports, truncated: result.truncated };
        const at = this.rows.findIndex((r) => r.id === activeId);
        this.active = Math.max(0, Math.min(at >= 0 ? at : this.active, this.rows.length - 1));
        const ids = new Set(result.reports.map((r) => r.id));
        this.selected = this.selected.filter((id) => ids.has(id));
      } else {
        this.state = { kind: 'forbidden' };
      }
    } catch (error) {
      if (load !== this.#load) return;
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
    }
  }

  #key(event: KeyboardEvent): void {
    const command = this.dialog ? null : inboxCommand(event);
    if (!command) return;
    event.preventDefault();
    const row = this.rows[this.active];
    switch (command) {
      case 'next':
      case 'previous':
        this.active = Math.max(0, Math.min(this.active + (command === 'next' ? 1 : -1), this.rows.length - 1));
        return void this.#focusRow();
      case 'toggle':
        return row && this.toggle(row.id);
      case 'classify':
      case 'assign':
      case 'reject':
        return this.openTriage(command);
      case 'intake':
        return this.openIntake();
      case 'accept':
        return void this.acceptSuggestions();
      case 'help':
        this.dialog = { kind: 'help' };
        return;
      case 'search':
        return this.renderRoot.querySelector<HTMLInputElement>('#f-search')?.focus();
    }
  }

  /** Focuses the keyboard's row; with no rows, the inbox itself, so the shortcuts keep working. */
  async #focusRow(): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`#row-${this.active}`) ?? this.renderRoot.querySelector<HTMLElement>('section.inbox'))?.focus();
  }

  /** Selects or unselects a report. */
  toggle(id: string): void {
    this.selected = this.selected.includes(id) ? this.selected.filter((s) => s !== id) : [...this.selected, id];
  }

  /** The reports a step applies to: the selection, else the row the keyboard is on. */
  #targets(): InboxReport[] {
    const rows = this.rows;
    if (this.selected.length) return rows.filter((r) => this.selected.includes(r.id));
    return rows[this.active] ? [rows[this.active]!] : [];
  }

  /** Opens the dialog of a triage step for the selection (or the current row). */
  openTriage(action: TriageAction): void {
    if (!this.canTriage) return;
    const targets = this.#targets();
    const ready = triageable(targets, action);
    if (!ready.length) {
      this.notice = { ok: false, text: this.m.notApplicable(targets.length) };
      return;
    }
    // What the dialog pre-selects is read now: a live refresh of the list must not change it under the operator.
    this.dialog = { kind: action, ids: ready.map((r) => r.id), skipped: targets.length - ready.length, sending: false, error: null, defaults: dialogDefaults(ready[0]) };
  }

  openIntake(): void {
    if (!this.canTriage) return;
    this.dialog = { kind: 'intake', sending: false, error: null, done: null };
  }

  /** Opens a report's details (with its timeline). */
  async open(index: number): Promise<void> {
    const report = this.rows[index];
    const session = this.session;
    this.active = index;
    if (!report || !session) return;
    const newest = this.#opens.start();
    this.detail = { kind: 'loading', id: report.id };
    this.duplicates = { kind: 'none' };
    if (this.canTriage) {
      this.duplicates = { kind: 'loading', id: report.id };
      void loadDuplicates(session.client, report.id).then((found) => {
        if (this.duplicates.kind === 'loading' && this.duplicates.id === report.id) this.duplicates = found;
      });
    }
    try {
      const result = await getReport(session.client, report.id);
      if (newest()) this.detail = result.__typename === 'Report' ? { kind: 'ready', report: result } : { kind: 'failed', id: report.id };
    } catch {
      if (newest()) this.detail = { kind: 'failed', id: report.id };
    }
  }

  /**
   * Accepts the suggested category and unit (`s`) of the selection, else of
   * the current row; `only` accepts that suggestion for the current row.
   */
  async acceptSuggestions(only?: Suggestion): Promise<void> {
    const session = this.session;
    if (!this.canTriage || !session) return;
    const targets = only ? this.rows.filter((r) => r.id === this.#openId()).slice(0, 1) : this.#targets();
    const ready = targets.flatMap((report) => {
      const s = only ?? suggestionFor(report);
      return s ? [{ report, s }] : [];
    });
    if (!ready.length) {
      this.notice = { ok: false, text: this.m.noSuggestionFor(targets.length) };
      return;
    }
    const { done, lines } = await runAccept(session.client, ready, this.language, this.m);
    this.emit('paht-triaged', { action: 'accept-suggestion', done, total: ready.length });
    await this.#afterStep({ ok: done === ready.length && ready.length === targets.length, text: lines.join(' ') });
  }

  /** The id of the open report (or of the report being opened). */
  #openId(): string | null {
    return this.detail.kind === 'ready' ? this.detail.report.id : this.detail.kind === 'none' ? null : this.detail.id;
  }

  /** Opens the merge dialog for a pair of reports (the later merges into the original). */
  openMerge(pair: MergePair): void {
    if (this.canTriage) this.dialog = { kind: 'merge', ...pair, sending: false, error: null };
  }

  /** After a step: the outcome shown, the list read again, the open report read again, the keyboard back on its row. */
  async #afterStep(notice: { ok: boolean; text: string }): Promise<void> {
    this.selected = [];
    this.notice = notice;
    await this.reload();
    const openId = this.#openId();
    const at = this.rows.findIndex((r) => r.id === openId);
    if (this.detail.kind !== 'none' && this.rows[at >= 0 ? at : this.active]) void this.open(at >= 0 ? at : this.active);
    await this.#focusRow();
  }

  /** The audited read of the reporter's contact, shown in a dialog and dropped when it closes. */
  async showContact(report: { id: string; trackingCode: string }): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.dialog = { kind: 'contact', trackingCode: report.trackingCode, contact: null, error: null };
    const read = await readContact(session.client, report.id, this.language, this.m);
    if (this.dialog?.kind === 'contact') this.dialog = { ...this.dialog, ...read };
  }

  async #submitDialog(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!this.dialog || !session) return;
    await submitDialog(this.dialog, event.target as HTMLFormElement, {
      client: session.client,
      m: this.m,
      lang: this.language,
      show: (next) => (this.dialog = next),
      emit: (name, detail) => this.emit(name, detail),
      afterStep: (notice) => this.#afterStep(notice),
      reload: () => this.reload(),
    });
  }

  #closeDialog(): void {
    this.dialog = null;
    void this.#focusRow();
  }

  #setFilters(next: Partial<InboxFilters>): void {
    this.filters = { ...this.filters, ...next };
    this.active = 0;
    void this.reload();
  }

  override render() {
    return renderInbox(this, {
      m: this.m,
      lang: this.language,
      setFilters: (next) => this.#setFilters(next),
      submitDialog: (e) => void this.#submitDialog(e),
      closeDialog: () => this.#closeDialog(),
    });
  }
}
