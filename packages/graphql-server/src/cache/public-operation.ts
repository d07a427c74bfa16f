import { Kind, OperationTypeNode, type ArgumentNode, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { PublicFacet } from './public-facets.js';

/**
 * The root query fields whose answers are the same for every anonymous
 * caller of a tenant: the arguments that would make them personal, and what
 * kind of public answer they read (`PublicFacet`). `trackReport` with a
 * `secret` is the citizen's own view; `kpis` with `includePrivate` depends
 * on who asks.
 */
const PUBLIC_FIELDS: ReadonlyMap<string, { personal: readonly string[]; reads: readonly PublicFacet[] }> = new Map([
  ['trackReport', { personal: ['secret'], reads: [PublicFacet.TRACKER, PublicFacet.DIRECTORY] }],
  ['publicReports', { personal: [], reads: [PublicFacet.LIST, PublicFacet.DIRECTORY] }],
  ['kpis', { personal: ['includePrivate'], reads: [PublicFacet.STATISTICS, PublicFacet.DIRECTORY] }],
  ['categories', { personal: [], reads: [PublicFacet.DIRECTORY] }],
  ['units', { personal: [], reads: [PublicFacet.DIRECTORY] }],
  ['__typename', { personal: [], reads: [] }],
]);

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
 * not one); then the kinds of public answer it reads. Anything else: null,
 * never cached.
 */
export function publicReadFacets(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): Set<PublicFacet> | null {
  if (operation.operation !== OperationTypeNode.QUERY) return null;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const reads = new Set<PublicFacet>();
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
      for (const facet of field.reads) reads.add(facet);
      return true;
    });
  return publicSet(operation.selectionSet) ? reads : null;
}

/** Whether an operation only reads public answers (`publicReadFacets`). */
export const isPublicRead = (document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): boolean =>
  publicReadFacets(document, operation, variables) !== null;
