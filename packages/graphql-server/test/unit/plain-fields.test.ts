import { describe, expect, it } from 'vitest';
import { schema } from '@paht/graphql-server';

// Fields that only read their parent's property of the same name run
// without a resolver (src/execution/plain-fields.ts): graphql-jit inlines
// them. Every other field keeps its own.

type Fields = Record<string, { resolve?: unknown }>;
const fieldsOf = (name: string): Fields => (schema.getType(name) as unknown as { getFields(): Fields }).getFields();

describe('plain exposed fields', () => {
  it('read the property directly: scalars, enums, dates and objects exposed under their own name', () => {
    const report = fieldsOf('Report');
    for (const name of ['id', 'title', 'status', 'submittedAt', 'category', 'attachments', 'timeline', 'sla']) expect(report[name]!.resolve, name).toBeUndefined();
    expect(fieldsOf('ReportEdge').node!.resolve).toBeUndefined();
    expect(fieldsOf('TimelineEntry').at!.resolve).toBeUndefined();
  });

  it('keep the resolvers that compute, rename or wrap', () => {
    expect(fieldsOf('Attachment').public!.resolve).toBeTypeOf('function'); // exposes isPublic
    expect(fieldsOf('Attachment').url!.resolve).toBeTypeOf('function');
    expect(fieldsOf('ReportConnection').nodes!.resolve).toBeTypeOf('function');
    expect(fieldsOf('SlaInfo').stage!.resolve).toBeTypeOf('function');
    expect(fieldsOf('Query').reports!.resolve).toBeTypeOf('function'); // wrapped by the errors plugin
  });
});
