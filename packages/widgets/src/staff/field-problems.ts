import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../shared/i18n.js';

// The API's field refusals shown at their fields, shared by the staff
// forms (the admin console's indicator dialogs, the unit's indicator
// forms): each control names its hint and its problems (aria-describedby,
// aria-invalid), the problems in the API's words, Vietnamese then English.

/** A field the API refused, `path` as in its input (`formula`, `items.<indicator id>`, `values.RICE`), `message` Vietnamese then English. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A labelled control: its id, its path in the API's input, its label and hint. */
export interface FieldSpec {
  id: string;
  /** The input's path in the API: the problems at this path, or below it, show at the field. */
  path: string;
  label: string | TemplateResult;
  hint?: string | TemplateResult;
}
export type FieldAria = { describedby: string | typeof nothing; invalid: 'true' | 'false' };

/** The problems at `path` or below it (`items` holds `items.3.indicatorId`). */
export const problemsAt = (problems: readonly FieldProblem[], path: string): FieldProblem[] =>
  problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));

/** The problems at none of `shown` (those show nowhere else, so the refusal line names them). */
export const problemsElsewhere = (problems: readonly FieldProblem[], shown: readonly string[]): FieldProblem[] =>
  problems.filter((p) => !shown.some((path) => p.path === path || p.path.startsWith(`${path}.`)));

/** What the field's control needs to name its hint and its problems. */
export function ariaOf(problems: readonly FieldProblem[], spec: FieldSpec): FieldAria {
  const invalid = problemsAt(problems, spec.path).length > 0;
  const describedby = [spec.hint ? `${spec.id}-hint` : '', invalid ? `${spec.id}-error` : ''].filter(Boolean).join(' ');
  return { describedby: describedby || nothing, invalid: invalid ? 'true' : 'false' };
}

/** The hint and the problems after a control. */
export const fieldAfter = (problems: readonly FieldProblem[], spec: FieldSpec) => {
  const own = problemsAt(problems, spec.path);
  return html`${spec.hint ? html`<p class="hint" id=${`${spec.id}-hint`}>${spec.hint}</p>` : nothing}${own.length
    ? html`<p class="field-error" id=${`${spec.id}-error`}>${own.map((p) => p.message).join(' ')}</p>`
    : nothing}`;
};

/** A labelled control with its hint and the API's problems at its path. */
export const field = (problems: readonly FieldProblem[], spec: FieldSpec, control: (aria: FieldAria) => TemplateResult) =>
  html`<div class="field"><label for=${spec.id}>${spec.label}</label>${control(ariaOf(problems, spec))}${fieldAfter(problems, spec)}</div>`;

/** The refusal line under a form. */
export const errorLine = (error: string | null) => (error ? html`<p class="notice error-box" role="alert">${error}</p>` : nothing);

/** An API refusal in the reader's language: a validation error's own words, each field named, else the kind and message. */
export function refusalOf(
  error: { __typename: string; message: string; messageVi?: string; messageEn?: string; fields?: ReadonlyArray<{ path: string; message: string }> },
  lang: Lang,
  refused: (kind: string, detail: string) => string,
): string {
  if (error.messageVi && error.messageEn) return refused(error.__typename, lang === 'en' ? error.messageEn : error.messageVi);
  const fields = error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
  return refused(error.__typename, fields || error.message);
}

/** A number typed in a field (a decimal comma too), or null when empty or not a number. */
export function numberOf(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(n) ? n : null;
}
