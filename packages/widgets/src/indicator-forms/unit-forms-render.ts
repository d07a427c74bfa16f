import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { formatInstant, formatNumber, type Lang } from '../shared/i18n.js';
import { errorLine, field, problemsElsewhere, type FieldProblem } from '../staff/field-problems.js';
import { nameIn } from '../staff/staff-labels.js';
import type { DraftStatus } from './unit-forms-draft.js';
import { revisionsOf, type EntryState, type FormEntry, type FormRow, type Indicator, type UnitForm } from './unit-forms-model.js';
import type { UnitFormsMessages } from './unit-forms.messages.js';

// The unit's indicator forms section, drawn: the list of forms and periods
// with the unit's state, and the open form with a field per indicator (name,
// unit of measure, target and direction, limits, the value submitted and
// its history), the reason a correction needs, and the API's refusals at
// their fields (Vietnamese, then English).

export interface RenderContext {
  m: UnitFormsMessages;
  lang: Lang;
  /** The signed-in staff member's id (their own submissions read "you"). */
  userId: string;
  busy: boolean;
  open: (form: UnitForm, period: string) => void;
  back: () => void;
  submit: (event: SubmitEvent) => void;
  /** Where the open form's draft stands. */
  draft: DraftStatus;
  /** A field of the open form changed (the draft is saved once typing pauses). */
  changed: (event: Event) => void;
  discard: () => void;
}

const stateBadge = (row: { status: FormRow['status'] }, m: UnitFormsMessages) =>
  html`<span class=${`state state-${row.status.state.toLowerCase()}`}>${m.states[row.status.state]}</span>${row.status.revision ? html` <span class="meta">(${m.revision(row.status.revision)})</span>` : nothing}`;

export function renderList(rows: readonly FormRow[], c: RenderContext): TemplateResult {
  const { m, lang } = c;
  if (!rows.length) return html`<p class="notice">${m.empty}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${m.list}>
    <table class="forms">
      <thead><tr><th scope="col">${m.form}</th><th scope="col">${m.period}</th><th scope="col">${m.deadline}</th><th scope="col">${m.state}</th><th scope="col"><span class="visually-hidden">${m.open}</span></th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-code=${r.form.code} data-period=${r.period} data-state=${r.status.state}>
            <th scope="row">${nameIn(r.form, lang)} <span class="meta">(${r.form.code})</span></th>
            <td>${r.period}</td>
            <td>${formatInstant(r.deadline, lang)}</td>
            <td>${stateBadge(r, m)}</td>
            <td><button type="button" class="secondary" part="button" @click=${() => c.open(r.form, r.period)}>${m.open}<span class="visually-hidden">: ${r.form.code} ${r.period}</span></button></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The period box above an open form: another period of the same form opens in place. */
function periodForm(form: UnitForm, period: string, problems: readonly FieldProblem[], c: RenderContext): TemplateResult {
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    c.open(form, ((e.target as HTMLFormElement).elements.namedItem('period') as HTMLInputElement).value.trim());
  };
  return html`<form class="inline-form period" @submit=${onSubmit} novalidate>
    ${field(problems, { id: 'f-period', path: 'period', label: c.m.period, hint: c.m.periodHint }, (a) => html`<input id="f-period" name="period" .value=${period} autocomplete="off" spellcheck="false"
      aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`)}
    <button type="submit" class="secondary" part="button" ?disabled=${c.busy}>${c.m.openPeriod}</button>
  </form>`;
}

export function renderEntry(state: Exclude<EntryState, { kind: 'none' }>, indicators: readonly Indicator[], c: RenderContext): TemplateResult {
  const { m, lang } = c;
  const back = html`<button type="button" class="secondary" part="button" @click=${c.back}>${m.back}</button>`;
  if (state.kind === 'loading') return html`<section class="entry" aria-busy="true">${back}<p class="notice" role="status">${m.entryLoading}</p></section>`;
  if (state.kind === 'failed')
    return html`<section class="entry" aria-labelledby="entry-heading">
      ${back}
      <h3 id="entry-heading" tabindex="-1">${nameIn(state.form, lang)} <span class="meta">(${state.form.code})</span></h3>
      ${periodForm(state.form, state.period, state.problems, c)}
      ${errorLine(state.error ?? m.entryFailed)}
    </section>`;
  const e = state.entry;
  return html`<section class="entry" aria-labelledby="entry-heading" data-code=${e.form.code} data-period=${e.period}>
    ${back}
    <h3 id="entry-heading" tabindex="-1">${nameIn(e.form, lang)} <span class="meta">(${e.form.code})</span></h3>
    ${periodForm(e.form, e.period, e.problems.filter((p) => p.path === 'period'), c)}
    <p class="facts">${m.deadline}: ${formatInstant(e.deadline, lang)} · ${m.state}: ${stateBadge(e, m)}${e.status.lastSubmittedAt ? html` · ${m.lastSubmitted(formatInstant(e.status.lastSubmittedAt, lang))}` : nothing}</p>
    ${renderValues(e, e.indicators.length ? e.indicators : indicators, c)}
    ${renderDraftStatus(c)}
  </section>`;
}

function renderValues(e: FormEntry, indicators: readonly Indicator[], c: RenderContext) {
  const { m, lang } = c;
  const correcting = (e.status.revision ?? 0) > 0;
  const shown = ['period', 'reason', ...e.form.items.map((it) => `values.${it.code}`)];
  const elsewhere = problemsElsewhere(e.problems, shown);
  const drafted = new Map(e.draft?.values.map((v) => [v.indicatorId, v.value]));
  // A new form for each period and submission: what was typed for another period, or a reason already sent, never stays; a refusal keeps what was typed.
  return keyed(`${e.form.id}|${e.period}|${e.status.revision ?? 0}`, html`<form class="values" @submit=${c.submit} @input=${c.changed} novalidate>
    ${e.form.items.map((it) => {
      const ind = indicators.find((i) => i.id === it.indicatorId);
      const current = e.values[it.indicatorId];
      const shown = drafted.get(it.indicatorId) ?? current?.value;
      const facts = [
        `${m.unitOfMeasure}: ${it.unitOfMeasure}`,
        ind && ind.target !== null ? m.target(ind.target, ind.higherIsBetter) : m.noTarget,
        ...(it.minValue !== null || it.maxValue !== null ? [m.limits(it.minValue, it.maxValue)] : []),
        ...(current ? [m.current(formatNumber(current.value, lang, 6), current.revision)] : []),
      ].join(' · ');
      const label = html`${nameIn(it, lang)} <span class="meta">(${it.code}${it.required ? '' : `, ${m.optional}`})</span>`;
      return html`<div class="item" data-code=${it.code}>
        ${field(e.problems, { id: `v-${it.code}`, path: `values.${it.code}`, label, hint: facts }, (a) => html`<input id=${`v-${it.code}`} name=${`v-${it.indicatorId}`} inputmode="decimal"
          autocomplete="off" .value=${shown === undefined ? '' : String(shown)} ?required=${it.required} aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`)}
        ${current ? renderHistory(it.code, current, c) : nothing}
      </div>`;
    })}
    ${correcting
      ? field(e.problems, { id: 'f-reason', path: 'reason', label: m.reason, hint: m.reasonHint }, (a) => html`<textarea id="f-reason" name="reason" required aria-describedby=${a.describedby} aria-invalid=${a.invalid}></textarea>`)
      : nothing}
    ${errorLine(e.problems.length && !elsewhere.length ? m.fieldsRefused(e.problems.length) : e.error)}
    <button type="submit" part="button" ?disabled=${e.sending}>${e.sending ? m.sending : correcting ? m.correct : m.submit}</button>
  </form>`);
}

/** The draft's status line, a live region present while a form is open, so each change is announced; with a way to drop the draft. */
function renderDraftStatus(c: RenderContext): TemplateResult {
  const { m, lang, draft } = c;
  const text = draft.kind === 'saved' || draft.kind === 'restored' ? m.draft[draft.kind](formatInstant(draft.at, lang)) : draft.kind === 'none' ? '' : m.draft[draft.kind];
  const kept = draft.kind === 'saved' || draft.kind === 'restored';
  return html`<div class="draft">
    <p class=${`draft-status draft-${draft.kind}`} role="status">${text}</p>
    ${kept ? html`<button type="button" class="secondary" part="button" @click=${c.discard}>${m.discardDraft}</button>` : nothing}
  </div>`;
}

function renderHistory(code: string, value: FormEntry['values'][string], c: RenderContext): TemplateResult {
  const { m, lang } = c;
  const revisions = revisionsOf(value);
  return html`<details class="history">
    <summary>${m.history(revisions.length)}</summary>
    <div class="table-wrap" tabindex="0" role="region" aria-label=${m.historyCaption(code)}>
      <table>
        <thead><tr><th scope="col">#</th><th scope="col">${m.value}</th><th scope="col">${m.when}</th><th scope="col">${m.by}</th><th scope="col">${m.reason}</th></tr></thead>
        <tbody>
          ${revisions.map(
            (r) => html`<tr data-revision=${r.revision}>
              <th scope="row">${r.revision}</th><td>${formatNumber(r.value, lang, 6)}</td><td>${formatInstant(r.submittedAt, lang)}</td>
              <td>${r.submittedBy === c.userId ? m.you : (r.submittedBy?.slice(0, 8) ?? '')}</td><td>${r.reason ?? (r.revision === 1 ? m.firstValue : '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}
