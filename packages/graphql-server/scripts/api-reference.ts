import { fileURLToPath } from 'node:url';
import type { GraphQLArgument, GraphQLField, GraphQLInputField, GraphQLInterfaceType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, GraphQLType } from 'graphql';
import { graphql } from './graphql-js.js';
import { isStaffOnly } from './staff-only.js';

/** The checked-in reference: `docs/api/reference.md`. */
export const API_REFERENCE_FILE = fileURLToPath(new URL('../../../docs/api/reference.md', import.meta.url));

const { isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType } = graphql;

type Kind = 'query' | 'mutation' | 'subscription' | 'type';
const anchor = (kind: Kind, name: string) => `${kind}-${name.toLowerCase()}`;
const link = (t: GraphQLNamedType) => (isSpecifiedScalarType(t) ? t.name : `[${t.name}](#${anchor('type', t.name)})`);

/** `[[Report](#type-report)!]!`: the type as written in SDL, its named type linked. */
function typeLink(t: GraphQLType): string {
  if (isNonNullType(t)) return `${typeLink(t.ofType)}!`;
  if (isListType(t)) return `[${typeLink(t.ofType)}]`;
  return link(t);
}

const cell = (text: string | null | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const printedDefault = (a: GraphQLArgument | GraphQLInputField) => {
  const ast = a.defaultValue === undefined ? null : graphql.astFromValue(a.defaultValue, a.type);
  return ast ? graphql.print(ast) : null;
};
const defaultOf = (a: GraphQLArgument | GraphQLInputField) => {
  const value = printedDefault(a);
  return value ? ` (default \`${value}\`)` : '';
};
const deprecation = (reason: string | null | undefined) => (reason ? ` **Deprecated:** ${reason}` : '');
const staffOnly = (f: GraphQLField<unknown, unknown>) => (isStaffOnly(f) ? '**Staff only.** ' : '');

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function argumentRows(args: readonly GraphQLArgument[]): string[][] {
  return args.map((a) => [`\`${a.name}\``, typeLink(a.type), cell(`${a.description ?? ''}${defaultOf(a)}${deprecation(a.deprecationReason)}`.trim())]);
}

function operation(kind: Kind, f: GraphQLField<unknown, unknown>): string[] {
  const args = f.args.map((a) => `${a.name}: ${String(a.type)}${printedDefault(a) ? ` = ${printedDefault(a)}` : ''}`).join(', ');
  const result = graphql.getNamedType(f.type);
  const lines = [`<a id="${anchor(kind, f.name)}"></a>`, `### ${f.name}`, ''];
  const about = `${staffOnly(f)}${f.description ?? ''}${deprecation(f.deprecationReason)}`.trim();
  if (about) lines.push(about, '');
  lines.push('```graphql', `${f.name}${args ? `(${args})` : ''}: ${String(f.type)}`, '```', '');
  lines.push(...table(['argument', 'type', 'description'], argumentRows(f.args)));
  const members = isUnionType(result) ? `, one of ${result.getTypes().map(link).join(', ')}` : '';
  lines.push(`Returns ${typeLink(f.type)}${members}.`, '');
  return lines;
}

function fieldRows(t: GraphQLObjectType | GraphQLInterfaceType): string[][] {
  return Object.values(t.getFields()).map((f) => {
    const args = f.args.length ? ` Arguments: ${f.args.map((a) => `\`${a.name}: ${String(a.type)}\``).join(', ')}.` : '';
    return [`\`${f.name}\``, typeLink(f.type), cell(`${staffOnly(f)}${f.description ?? ''}${args}${deprecation(f.deprecationReason)}`.trim())];
  });
}

function namedType(t: GraphQLNamedType, schema: GraphQLSchema, returnedBy: Map<string, string[]>): string[] {
  const lines = [`<a id="${anchor('type', t.name)}"></a>`, `### ${t.name}`, ''];
  if (t.description) lines.push(t.description, '');
  const operations = returnedBy.get(t.name);
  if (operations) lines.push(`Returned by ${operations.join(', ')}.`, '');
  if (isObjectType(t) && t.getInterfaces().length) lines.push(`Implements ${t.getInterfaces().map(link).join(', ')}.`, '');
  if (isInterfaceType(t)) lines.push(`Implemented by ${schema.getPossibleTypes(t).map(link).join(', ')}.`, '');
  if (isUnionType(t)) lines.push(`One of ${t.getTypes().map(link).join(', ')}. Switch on \`__typename\`.`, '');
  if (isObjectType(t) || isInterfaceType(t)) lines.push(...table(['field', 'type', 'description'], fieldRows(t)));
  if (isInputObjectType(t)) {
    const rows = Object.values(t.getFields()).map((f) => [`\`${f.name}\``, typeLink(f.type), cell(`${f.description ?? ''}${defaultOf(f)}${deprecation(f.deprecationReason)}`.trim())]);
    lines.push(...table(['field', 'type', 'description'], rows));
  }
  if (isEnumType(t)) lines.push(...table(['value', 'description'], t.getValues().map((v) => [`\`${v.name}\``, cell(`${v.description ?? ''}${deprecation(v.deprecationReason)}`.trim())])));
  return lines;
}

/** The API reference in Markdown: operations first, then every type by kind, each linked to the types it uses. */
export function renderApiReference(input: GraphQLSchema): string {
  const schema = graphql.lexicographicSortSchema(input);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t) && !roots.includes(t as GraphQLObjectType));
  const operations: [string, Kind, GraphQLObjectType | null | undefined][] = [
    ['Queries', 'query', roots[0]],
    ['Mutations', 'mutation', roots[1]],
    ['Subscriptions', 'subscription', roots[2]],
  ];
  const groups: [string, (t: GraphQLNamedType) => boolean][] = [
    ['Result unions', isUnionType],
    ['Objects', isObjectType],
    ['Interfaces', isInterfaceType],
    ['Input objects', isInputObjectType],
    ['Enums', isEnumType],
    ['Scalars', isScalarType],
  ];
  const slug = (title: string) => title.toLowerCase().replace(/ /g, '-');
  const out = [
    '# GraphQL API reference',
    '',
    '<!-- Generated by `pnpm docs:api` (packages/graphql-server/scripts/generate-api-docs.ts) from the schema. Do not edit by hand. -->',
    '',
    'How to call the API (tenant, tokens, result unions, request ids): [README](README.md). The schema as SDL: [schema.graphql](../../packages/graphql-server/schema.graphql).',
    '',
  ];
  const sections: string[] = [];
  const returnedBy = new Map<string, string[]>();
  for (const [title, kind, root] of operations) {
    if (!root) continue;
    const fields = Object.values(root.getFields());
    for (const f of fields) {
      const name = graphql.getNamedType(f.type).name;
      returnedBy.set(name, [...(returnedBy.get(name) ?? []), `[${f.name}](#${anchor(kind, f.name)})`]);
    }
    out.push(`- [${title}](#${slug(title)}): ${fields.map((f) => `[${f.name}](#${anchor(kind, f.name)})`).join(', ')}`);
    sections.push(`## ${title}`, '', ...fields.flatMap((f) => operation(kind, f)));
  }
  for (const [title, test] of groups) {
    const members = types.filter(test);
    if (members.length === 0) continue;
    out.push(`- [${title}](#${slug(title)}): ${members.map(link).join(', ')}`);
    sections.push(`## ${title}`, '', ...members.flatMap((t) => namedType(t, schema, returnedBy)));
  }
  return `${[...out, '', ...sections].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
