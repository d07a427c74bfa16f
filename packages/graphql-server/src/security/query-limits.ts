import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
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
 * see variables); else `defaultListSize`. Each root field (every alias is
 * one) adds `rootFieldCost`: it runs its own resolver and database
 * transaction, where the time goes. Introspection fields (`__schema`,
 * `__type`) count for neither.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Multiplier of a list field given no size. Default 10. */
  defaultListSize?: number;
  /** Multiplier of a list field whose size comes from a variable. Default 100 (the API's largest page). */
  listCeiling?: number;
  /** What each root field (aliases counted) adds to the cost: its own database transaction. Default 1 000 (measured: a root field takes as long as about a thousand fields of list items). */
  rootFieldCost?: number;
}

/** Which limit a refused document broke (in `extensions.limit` of its GRAPHQL_VALIDATION_FAILED error). */
export const QueryLimit = { DEPTH: 'QUERY_DEPTH', COST: 'QUERY_COST' } as const;

interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, { type: TypeLike }>;
  toString(): string;
}

/** The schema as the cost walk reads it (either copy of graphql-js). */
export interface SchemaLike {
  getType(name: string): unknown;
  getQueryType(): unknown;
  getMutationType(): unknown;
  getSubscriptionType(): unknown;
}

/** How a document is priced: the options of `QueryLimits` without the maxima, and the request's variables once known. */
export interface CostOptions {
  defaultListSize?: number;
  listCeiling?: number;
  rootFieldCost?: number;
  /**
   * The request's variables. Without them (validation, which runs once per
   * document), a size given by a variable counts as `listCeiling`; with
   * them, as the value sent (at most 10 × `listCeiling`), or
   * `defaultListSize` when none is sent.
   */
  variables?: Readonly<Record<string, unknown>> | null;
  /**
   * The largest page size priced (default 10 × `listCeiling`). The anonymous
   * budget prices at `listCeiling`: every list an anonymous caller reads
   * refuses a larger page with a ValidationError naming `first`, the clearer
   * answer, which pricing the page as sent would pre-empt.
   */
  pageSizeCeiling?: number;
}

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

const namedType = (type: TypeLike): TypeLike => {
  let t = type;
  while (t.ofType) t = t.ofType;
  return t;
};

/** Whether a field's type is a list (`[X]`, `[X]!`, …), read from its SDL spelling. */
const isList = (type: TypeLike): boolean => String(type).startsWith('[');

/**
 * The depth and estimated cost of one operation of a document: every field
 * costs 1, every root field `rootFieldCost` more (each alias is a field of
 * its own), and a list multiplies the cost of its selection by its size
 * (see the file's comment). Pure: the validation rule and the per-caller
 * budget (`query-budget.ts`) share it. `readsVariables`: some size came from
 * a variable, so the cost may differ with other variables.
 */
export function measureOperation(
  schema: SchemaLike,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: CostOptions = {},
): { depth: number; cost: number; readsVariables: boolean } {
  const defaultListSize = options.defaultListSize ?? 10;
  const listCeiling = options.listCeiling ?? 100;
  const rootFieldCost = options.rootFieldCost ?? 1000;
  const variables = options.variables;
  const clamp = (n: number) => Math.max(0, Math.min(Number.isFinite(n) ? Math.trunc(n) : 0, 10 * listCeiling));
  const pageSizeCeiling = options.pageSizeCeiling ?? 10 * listCeiling;
  const clampPage = (n: number) => Math.min(clamp(n), pageSizeCeiling);

  /** A size given by a variable: the ceiling before the variables are known, then the value sent. */
  let readsVariables = false;
  const sizeOfVariable = (name: string, kind: 'size' | 'ids'): number => {
    readsVariables = true;
    if (!variables) return listCeiling;
    const value = variables[name];
    if (value === undefined || value === null) return defaultListSize;
    if (kind === 'ids') return Array.isArray(value) ? clamp(value.length) : 1;
    return typeof value === 'number' ? clampPage(value) : listCeiling;
  };

  /** The size a field's arguments give (its page size, or its `ids` list's length), or undefined. */
  const sizeOf = (field: FieldNode): number | undefined => {
    for (const argument of field.arguments ?? []) {
      const value: ValueNode = argument.value;
      if (SIZE_ARGUMENTS.has(argument.name.value)) {
        if (value.kind === Kind.INT) return clampPage(Number(value.value));
        if (value.kind === Kind.VARIABLE) return sizeOfVariable(value.name.value, 'size');
      } else if (argument.name.value === 'ids') {
        if (value.kind === Kind.LIST) return value.values.length;
        if (value.kind === Kind.VARIABLE) return sizeOfVariable(value.name.value, 'ids');
      }
    }
    return undefined;
  };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  /** Depth and cost of a selection set on `parent` (null when unknown); fragments on the stack are not entered twice (cycles are another rule's error). */
  const measure = (
    set: SelectionSetNode,
    parent: TypeLike | undefined,
    stack: Set<string>,
    connectionSize: number | undefined,
    root: boolean,
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
          inner = measure(selection.selectionSet, definition ? namedType(definition.type) : undefined, stack, list ? undefined : size, false);
        }
        const multiplier = list ? (size ?? connectionSize ?? defaultListSize) : 1;
        depth = Math.max(depth, 1 + inner.depth);
        cost += 1 + (root ? rootFieldCost : 0) + multiplier * inner.cost;
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
        const m = measure(inner, typeName ? (schema.getType(typeName) as TypeLike | undefined) : parent, innerStack, connectionSize, root);
        depth = Math.max(depth, m.depth);
        cost += m.cost;
      }
    }
    return { depth, cost };
  };

  const rootType = (
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : schema.getSubscriptionType()
  ) as TypeLike | undefined;
  return { ...measure(operation.selectionSet, rootType, new Set(), undefined, true), readsVariables };
}

/** The error of a document over the cost limit: Vietnamese, then English. */
export const costMessage = (cost: number, maximum: number): string =>
  `Truy vấn quá nặng (${cost} > ${maximum}) / The query costs too much: ${cost}, at most ${maximum}; ask for fewer items or fields`;

export function queryLimitsRule(limits: QueryLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    OperationDefinition(node) {
      const schema = context.getSchema() as unknown as SchemaLike;
      const { depth, cost } = measureOperation(schema, context.getDocument(), node, limits);
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
          new GraphQLError(costMessage(cost, limits.maxCost), {
            nodes: [node],
            extensions: { limit: QueryLimit.COST, maximum: limits.maxCost, actual: cost },
          }),
        );
      }
      return false;
    },
  });
}
