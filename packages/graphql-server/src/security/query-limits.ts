import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * Depth and cost limits as one graphql-js validation rule (Apollo runs it
 * once per distinct document; the validated document is cached).
 *
 * Written against the shapes of the schema objects, not graphql-js's
 * `instanceof` helpers: Apollo validates with its own copy of graphql-js,
 * which need not be the copy this file imports (Vitest loads both the ESM
 * and the CJS build). Only AST `Kind` strings and `GraphQLError` (read by
 * Apollo through its fields) are used from this copy.
 *
 * Cost: every field costs 1; a field returning a list multiplies the cost
 * of its selection by its size: its `first`/`last`/`limit` argument, or
 * that of the connection it is in (`publicReports(first: 50) { ... on
 * ReportConnection { nodes { … } } }`), or the length of its `ids` list;
 * a literal, or `listCeiling` when given by a variable (validation cannot
 * see variables); else `defaultListSize`. Introspection fields (`__schema`,
 * `__type`) count for neither.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Multiplier of a list field given no size. Default 10. */
  defaultListSize?: number;
  /** Multiplier of a list field whose size comes from a variable. Default 100 (the API's largest page). */
  listCeiling?: number;
}

/** Which limit a refused document broke (in `extensions.limit` of its GRAPHQL_VALIDATION_FAILED error). */
export const QueryLimit = { DEPTH: 'QUERY_DEPTH', COST: 'QUERY_COST' } as const;

interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, { type: TypeLike }>;
  toString(): string;
}

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

const namedType = (type: TypeLike): TypeLike => {
  let t = type;
  while (t.ofType) t = t.ofType;
  return t;
};

/** Whether a field's type is a list (`[X]`, `[X]!`, …), read from its SDL spelling. */
const isList = (type: TypeLike): boolean => String(type).startsWith('[');

export function queryLimitsRule(limits: QueryLimits): (context: ValidationContext) => ASTVisitor {
  const defaultListSize = limits.defaultListSize ?? 10;
  const listCeiling = limits.listCeiling ?? 100;

  /** The size a field's arguments give (its page size, or its `ids` list's length), or undefined. */
  const sizeOf = (field: FieldNode): number | undefined => {
    for (const argument of field.arguments ?? []) {
      const value: ValueNode = argument.value;
      if (SIZE_ARGUMENTS.has(argument.name.value)) {
        if (value.kind === Kind.INT) return Math.max(0, Math.min(Number(value.value), 10 * listCeiling));
        if (value.kind === Kind.VARIABLE) return listCeiling;
      } else if (argument.name.value === 'ids') {
        if (value.kind === Kind.LIST) return value.values.length;
        if (value.kind === Kind.VARIABLE) return listCeiling;
      }
    }
    return undefined;
  };

  return (context) => {
    const schema = context.getSchema() as unknown as { getType(name: string): TypeLike | undefined };
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    /** Depth and cost of a selection set on `parent` (null when unknown); fragments on the stack are not entered twice (cycles are another rule's error). */
    const measure = (
      set: SelectionSetNode,
      parent: TypeLike | undefined,
      stack: Set<string>,
      connectionSize: number | undefined,
    ): { depth: number; cost: number } => {
      let depth = 0;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name.startsWith('__')) continue;
          const definition = parent?.getFields?.()[name];
          const list = definition !== undefined && isList(definition.type);
          const size = sizeOf(selection);
          let inner = { depth: 0, cost: 0 };
          if (selection.selectionSet) {
            // A connection's page size applies to the lists right inside it (nodes, edges).
            inner = measure(selection.selectionSet, definition ? namedType(definition.type) : undefined, stack, list ? undefined : size);
          }
          const multiplier = list ? (size ?? connectionSize ?? defaultListSize) : 1;
          depth = Math.max(depth, 1 + inner.depth);
          cost += 1 + multiplier * inner.cost;
        } else {
          let typeName: string | undefined;
          let inner: SelectionSetNode | undefined;
          let innerStack = stack;
          if (selection.kind === Kind.INLINE_FRAGMENT) {
            typeName = selection.typeCondition?.name.value;
            inner = selection.selectionSet;
          } else {
            const fragment = fragments.get(selection.name.value);
            if (!fragment || stack.has(fragment.name.value)) continue;
            typeName = fragment.typeCondition.name.value;
            inner = fragment.selectionSet;
            innerStack = new Set(stack).add(fragment.name.value);
          }
          const m = measure(inner, typeName ? schema.getType(typeName) : parent, innerStack, connectionSize);
          depth = Math.max(depth, m.depth);
          cost += m.cost;
        }
      }
      return { depth, cost };
    };

    const rootType = (operation: 'query' | 'mutation' | 'subscription'): TypeLike | undefined => {
      const s = context.getSchema();
      return (operation === 'query' ? s.getQueryType() : operation === 'mutation' ? s.getMutationType() : s.getSubscriptionType()) as TypeLike | undefined;
    };

    return {
      OperationDefinition(node) {
        const { depth, cost } = measure(node.selectionSet, rootType(node.operation), new Set(), undefined);
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Truy vấn lồng quá sâu (${depth} > ${limits.maxDepth}) / The query is nested too deep: depth ${depth}, at most ${limits.maxDepth}`, {
              nodes: [node],
              extensions: { limit: QueryLimit.DEPTH, maximum: limits.maxDepth, actual: depth },
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(`Truy vấn quá nặng (${cost} > ${limits.maxCost}) / The query costs too much: ${cost}, at most ${limits.maxCost}; ask for fewer items or fields`, {
              nodes: [node],
              extensions: { limit: QueryLimit.COST, maximum: limits.maxCost, actual: cost },
            }),
          );
        }
        return false;
      },
    };
  };
}
