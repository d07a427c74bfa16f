import { Kind, OperationTypeNode, type ArgumentNode, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The root query fields whose answers are the same for every anonymous
 * caller of a tenant, and the arguments that would make them personal.
 * `trackReport` with a `secret` is the citizen's own view; `kpis` with
 * `includePrivate` depends on who asks.
 */
const PUBLIC_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['trackReport', ['secret']],
  ['publicReports', []],
  ['kpis', ['includePrivate']],
  ['categories', []],
  ['units', []],
  ['__typename', []],
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
 * Whether an operation only reads public answers: a query whose root fields
 * (through fragments too) are all in the public list, none given an
 * argument that makes it personal (a `secret` variable that is null is not
 * one). Anything else is never cached.
 */
export function isPublicRead(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const publicSet = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.INLINE_FRAGMENT) return publicSet(s.selectionSet);
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(s.name.value)) return true;
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        return fragment !== undefined && publicSet(fragment);
      }
      const personal = PUBLIC_FIELDS.get(s.name.value);
      return personal !== undefined && !(s.arguments ?? []).some((a) => personal.includes(a.name.value) && personalValue(a, variables));
    });
  return publicSet(operation.selectionSet);
}
