import { normalizeTrackingCode } from '@paht/core';
import { Kind, OperationTypeNode, type ArgumentNode, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { codeScope, monthScope, PublicFacet } from './public-facets.js';

/**
 * The root query fields whose answers are the same for every anonymous
 * caller of a tenant: the arguments that would make them personal, and what
 * kind of public answer they read (`PublicFacet`). `trackReport` with a
 * `secret` is the citizen's own view; `kpis` with `includePrivate` depends
 * on who asks.
 */
interface PublicField {
  personal: readonly string[];
  reads: readonly PublicFacet[];
  /** The scopes of `reads[0]` the field reads, from its arguments; null (or absent): all of them. */
  scopes?: (argument: (name: string) => unknown) => string[] | null;
}

/** At most this many months of statistics are told apart; a longer period depends on every month. */
const MAX_MONTHS = 240;

/** The months (`monthScope`) from the local day `from` to `to` (YYYY-MM-DD, inclusive), or null. */
function monthsOf(from: unknown, to: unknown): string[] | null {
  const month = (day: unknown) => (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 : null);
  const first = month(from);
  const last = month(to);
  if (first === null || last === null || last < first || last - first >= MAX_MONTHS) return null;
  const months: string[] = [];
  for (let m = first; m <= last; m++) months.push(monthScope(`${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`));
  return months;
}

const PUBLIC_FIELDS: ReadonlyMap<string, PublicField> = new Map<string, PublicField>([
  ['trackReport', {
    personal: ['secret'],
    reads: [PublicFacet.TRACKER, PublicFacet.DIRECTORY],
    scopes: (arg) => {
      const code = typeof arg('trackingCode') === 'string' ? normalizeTrackingCode(arg('trackingCode') as string) : null;
      return code ? [codeScope(code)] : null;
    },
  }],
  ['publicReports', { personal: [], reads: [PublicFacet.LIST, PublicFacet.DIRECTORY] }],
  ['kpis', { personal: ['includePrivate'], reads: [PublicFacet.STATISTICS, PublicFacet.DIRECTORY], scopes: (arg) => monthsOf(arg('from'), arg('to')) }],
  ['categories', { personal: [], reads: [PublicFacet.DIRECTORY] }],
  ['units', { personal: [], reads: [PublicFacet.DIRECTORY] }],
  ['__typename', { personal: [], reads: [] }],
]);

/** A field's argument value: a literal string, or a variable's value; undefined otherwise. */
function argumentOf(field: FieldNode, variables: Readonly<Record<string, unknown>>): (name: string) => unknown {
  return (name) => {
    const value = field.arguments?.find((a) => a.name.value === name)?.value;
    if (!value) return undefined;
    if (value.kind === Kind.VARIABLE) return variables[value.name.value];
    return value.kind === Kind.STRING ? value.value : undefined;
  };
}

/** What a public read reads: each kind, with the scopes it reads of it (null: all). */
export type PublicReads = Map<PublicFacet, string[] | null>;

/** Adds `scopes` of `facet` to what is read (null, all of it, wins). */
function addRead(reads: PublicReads, facet: PublicFacet, scopes: string[] | null): void {
  const had = reads.get(facet);
  if (had === null) return;
  reads.set(facet, scopes === null ? null : [...(had ?? []), ...scopes]);
}

/** Whether an argument is given a value that makes the answer personal: anything but null, absent or false. */
function personalValue(argument: ArgumentNode, variables: Readonly<Record<string, unknown>>): boolean {
  const { value } = argument;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return given != null && given !== false;
  }
  return !(value.kind === Kind.NULL || (value.kind === Kind.BOOLEAN && !value.value));
}

/**
 * What an operation reads if it only reads public answers: a query whose
 * root fields (through fragments too) are all in the public list, none given
 * an argument that makes it personal (a `secret` variable that is null is
 * not one); then the kinds of public answer it reads, and which scopes of
 * them (the months of `kpis`, the report of `trackReport`). Anything else: null,
 * never cached.
 */
export function publicReadFacets(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): PublicReads | null {
  if (operation.operation !== OperationTypeNode.QUERY) return null;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const reads: PublicReads = new Map();
  const publicSet = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.INLINE_FRAGMENT) return publicSet(s.selectionSet);
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(s.name.value)) return true;
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        return fragment !== undefined && publicSet(fragment);
      }
      const field = PUBLIC_FIELDS.get(s.name.value);
      if (field === undefined || (s.arguments ?? []).some((a) => field.personal.includes(a.name.value) && personalValue(a, variables))) return false;
      field.reads.forEach((facet, i) => addRead(reads, facet, i === 0 && field.scopes ? field.scopes(argumentOf(s, variables)) : null));
      return true;
    });
  return publicSet(operation.selectionSet) ? reads : null;
}

/** Whether an operation only reads public answers (`publicReadFacets`). */
export const isPublicRead = (document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): boolean =>
  publicReadFacets(document, operation, variables) !== null;
