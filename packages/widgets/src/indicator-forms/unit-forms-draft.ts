import { discardIndicatorFormDraft, saveIndicatorFormDraft, type PahtClient } from '@paht/client-sdk/staff';

// The open form's draft kept on the server (docs/indicators.md#drafts): what
// the officer types is saved a moment after they stop typing (debounced),
// one save at a time, each over the revision the last one left (another
// officer's save in between is a conflict, shown, never overwritten). The
// component shows the status in a live region; the submission first waits
// for a save under way, so it never brings back a draft it deletes.

/** Where the open form's draft stands, as the status line says it. */
export type DraftStatus =
  | { kind: 'none' | 'saving' | 'failed' | 'conflict' }
  | { kind: 'saved' | 'restored'; at: string };

export interface DraftTarget {
  formId: string;
  unitId: string;
  period: string;
}

type Values = Array<{ indicatorId: string; value: number }>;

/** One opened form's draft: where it is saved, the revision the last save left and what it holds. */
interface Open {
  target: DraftTarget;
  revision: number;
  /** The values last saved, to skip a save that would change nothing. */
  saved: string;
}

export class DraftAutosave {
  #open: Open | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: (() => Values) | null = null;
  #saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: () => PahtClient | null,
    private readonly report: (status: DraftStatus) => void,
    private readonly delay: () => number,
  ) {}

  /** Starts on a newly opened form: `revision` is its draft's (0: none), `values` what the draft holds. */
  start(target: DraftTarget, revision: number, values: Values): void {
    this.#cancel();
    this.#open = { target, revision, saved: JSON.stringify(values) };
  }

  /** The fields changed: save what they hold once typing pauses. `read` reads them then. */
  changed(read: () => Values): void {
    if (!this.#open) return;
    this.#pending = read;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delay());
  }

  /** Saves a change not saved yet now, and waits for every save under way. */
  flush(): Promise<void> {
    const read = this.#pending;
    const open = this.#open;
    this.#cancel();
    if (read && open) {
      const values = read();
      this.#saving = this.#saving.then(() => this.#save(open, values));
    }
    return this.#saving;
  }

  /** Leaving the form: the last change saved (unless `save` is false), then no more saves for it. */
  stop(save = true): Promise<void> {
    const done = save ? this.flush() : (this.#cancel(), this.#saving);
    this.#open = null;
    return done;
  }

  /** Before a submission: no save pending or under way (the submission deletes the draft); typing later saves again. */
  pause(): Promise<void> {
    this.#cancel();
    return this.#saving;
  }

  /** Deletes the draft on the server; true when it went. */
  async discard(): Promise<boolean> {
    const target = this.#open?.target;
    const client = this.client();
    await this.stop(false);
    if (!target || !client) return false;
    const result = await discardIndicatorFormDraft(client, { input: target });
    return result.__typename === 'IndicatorFormDraftDiscarded';
  }

  #cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  async #save(open: Open, values: Values): Promise<void> {
    const client = this.client();
    const body = JSON.stringify(values);
    if (!client || body === open.saved) return;
    const current = () => open === this.#open;
    if (current()) this.report({ kind: 'saving' });
    try {
      const result = await saveIndicatorFormDraft(client, { input: { ...open.target, values, expectedRevision: open.revision } });
      if (result.__typename === 'IndicatorFormDraft') {
        open.revision = result.revision;
        open.saved = body;
        if (current()) this.report({ kind: 'saved', at: result.savedAt });
      } else if (current()) this.report({ kind: result.__typename === 'ConflictError' ? 'conflict' : 'failed' });
    } catch {
      // The network or the server failed: the next change tries again.
      if (current()) this.report({ kind: 'failed' });
    }
  }
}
