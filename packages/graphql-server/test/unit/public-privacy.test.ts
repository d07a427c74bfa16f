import SchemaBuilder from '@pothos/core';
import { describe, expect, it } from 'vitest';
import { schema } from '@paht/graphql-server';
import type { GraphQLField, GraphQLNamedType, GraphQLSchema } from 'graphql';
import { graphql } from '../../scripts/graphql-js.js';
import { isStaffOnly } from '../../scripts/staff-only.js';

// "Public views never show a reporter's phone, e-mail or name." The schema is
// walked from its entry points (Query, Mutation, Subscription) through every
// output type — lists and non-null unwrapped, unions and interfaces expanded
// to their members — without passing a field marked staff-only
// (`extensions: { staffOnly: true }`, scripts/staff-only.ts). Whatever the
// walk reaches, anyone holding the tenant's slug can ask for.

/** Field (or type) names that would hold a person's contact data. */
const CONTACT = /phone|mobile|e-?mail|full_?name|reporter|contact|zalo/i;

interface Reach {
  /** Every field reached, by its coordinate `Type.field`, with the first path that reaches it. */
  fields: Map<string, { path: string; field: GraphQLField<unknown, unknown> }>;
}

/** Every field reachable from the schema's entry points without passing a staff-only field. */
function publicReach(s: GraphQLSchema): Reach {
  const fields: Reach['fields'] = new Map();
  const seen = new Set<string>();
  const queue: { type: GraphQLNamedType; path: string }[] = [];
  const visit = (type: GraphQLNamedType, path: string) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    queue.push({ type, path });
  };
  for (const root of [s.getQueryType(), s.getMutationType(), s.getSubscriptionType()]) if (root) visit(root, root.name);
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (graphql.isUnionType(type)) for (const member of type.getTypes()) visit(member, `${path}<${member.name}>`);
    if (graphql.isInterfaceType(type)) for (const member of s.getPossibleTypes(type)) visit(member, `${path}<${member.name}>`);
    if (!graphql.isObjectType(type) && !graphql.isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (isStaffOnly(field)) continue;
      const fieldPath = `${path}.${field.name}`;
      fields.set(`${type.name}.${field.name}`, { path: fieldPath, field });
      visit(graphql.getNamedType(field.type), fieldPath);
    }
  }
  return { fields };
}

/** The public paths that lead to contact data: by the field's name or the name of its type. */
function contactLeaks(s: GraphQLSchema): string[] {
  const leaks: string[] = [];
  for (const { path, field } of publicReach(s).fields.values()) {
    if (CONTACT.test(field.name) || CONTACT.test(graphql.getNamedType(field.type).name)) leaks.push(path);
  }
  return leaks.sort();
}

describe('contact data in the public API', () => {
  it('is reachable from no entry point except through a staff-only field', () => {
    const leaks = contactLeaks(schema);
    if (leaks.length > 0) {
      expect.fail(
        `Contact data is reachable without staff sign-in:\n  ${leaks.join('\n  ')}\n` +
          'Remove the field from public types, or mark the field that requires staff sign-in with `extensions: { staffOnly: true }`.',
      );
    }
  });

  it('walks the whole public surface: reports, their timelines, units and categories', () => {
    const reached = [...publicReach(schema).fields.keys()];
    expect(reached).toEqual(
      expect.arrayContaining(['Query.trackReport', 'TrackedReport.report', 'Report.trackingCode', 'TimelineEntry.note', 'Unit.name', 'Category.name', 'ValidationError.fields', 'FieldIssue.path']),
    );
    expect(reached.filter((c) => CONTACT.test(c))).toEqual([]);
  });
});

/** Every field of the schema (staff-only ones included) whose type is `typeName`, or a union with it as a member. */
function fieldsReturning(s: GraphQLSchema, typeName: string): string[] {
  const found: string[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (type.name.startsWith('__') || (!graphql.isObjectType(type) && !graphql.isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const named = graphql.getNamedType(field.type);
      const members = graphql.isUnionType(named) ? named.getTypes().map((m) => m.name) : [named.name];
      if (members.includes(typeName)) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('the reporter’s contact (staff reach the citizen)', () => {
  it('exists in the schema, with the name, phone and e-mail', () => {
    const contact = schema.getType('ReporterContact');
    expect(contact && graphql.isObjectType(contact) ? Object.keys(contact.getFields()).sort() : []).toEqual(['email', 'fullName', 'phone', 'reportId']);
  });

  it('is returned by one field only, the staff-only mutation revealReporterContact (an audited read)', () => {
    expect(fieldsReturning(schema, 'ReporterContact')).toEqual(['Mutation.revealReporterContact']);
    const reveal = schema.getMutationType()!.getFields().revealReporterContact!;
    expect(isStaffOnly(reveal)).toBe(true);
    expect(schema.getQueryType()!.getFields()).not.toHaveProperty('revealReporterContact');
  });

  it('is no field of a report in any view; answers and the rating’s comment are', () => {
    const report = schema.getType('Report');
    const fields = report && graphql.isObjectType(report) ? Object.keys(report.getFields()) : [];
    expect(fields).toEqual(expect.arrayContaining(['answers', 'ratingComment']));
    expect(fields.filter((f) => CONTACT.test(f))).toEqual([]);
  });

  it('is reachable from the public entry points once the staff-only mark is taken off (the walk would catch it)', () => {
    const unmarked = graphql.buildSchema(graphql.printSchema(schema));
    expect(contactLeaks(unmarked)).toEqual(expect.arrayContaining(['Mutation.revealReporterContact<ReporterContact>.phone']));
  });
});

describe('the walker (negative controls)', () => {
  const throwaway = (sdl: string) => graphql.buildSchema(sdl);

  it('finds a phone field nested below a public query, through a list and non-null', () => {
    const s = throwaway('type Query { reports: [Report!]! } type Report { id: ID! who: Person } type Person { phone: String }');
    expect(contactLeaks(s)).toEqual(['Query.reports.who.phone']);
  });

  it('finds contact data behind a union member and an interface implementation', () => {
    const s = throwaway(`
      type Query { result: Result, node: Node }
      union Result = Ok | Failed
      type Ok { contact: String }
      type Failed { message: String }
      interface Node { id: ID! }
      type Citizen implements Node { id: ID! email: String }
    `);
    expect(contactLeaks(s)).toEqual(['Query.node<Citizen>.email', 'Query.result<Ok>.contact']);
  });

  it('finds contact data on subscriptions and mutation results', () => {
    const s = throwaway('type Query { ok: Int } type Mutation { submit: Receipt } type Subscription { changed: Change } type Receipt { reporterName: String } type Change { fullName: String }');
    expect(contactLeaks(s)).toEqual(['Mutation.submit.reporterName', 'Subscription.changed.fullName']);
  });

  it('does not follow a field marked staff-only with the Pothos extension', () => {
    const builder = new SchemaBuilder({});
    const Contact = builder.objectRef<{ phone: string }>('ReporterContact').implement({ fields: (t) => ({ phone: t.exposeString('phone') }) });
    const Report = builder.objectRef<{ id: string }>('Report').implement({
      fields: (t) => ({
        id: t.exposeID('id'),
        contact: t.field({ type: Contact, extensions: { staffOnly: true }, resolve: () => ({ phone: '0912345678' }) }),
      }),
    });
    builder.queryType({ fields: (t) => ({ report: t.field({ type: Report, resolve: () => ({ id: '1' }) }) }) });
    expect(contactLeaks(builder.toSchema())).toEqual([]);

    const unmarked = new SchemaBuilder({});
    const Contact2 = unmarked.objectRef<{ phone: string }>('ReporterContact').implement({ fields: (t) => ({ phone: t.exposeString('phone') }) });
    unmarked.queryType({ fields: (t) => ({ contact: t.field({ type: Contact2, resolve: () => ({ phone: '0912345678' }) }) }) });
    expect(contactLeaks(unmarked.toSchema())).toEqual(['Query.contact', 'Query.contact.phone']);
  });
});
