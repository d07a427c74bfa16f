import { describe, expect, it } from 'vitest';
import { operationKind, SubmitReportDocument, TrackReportDocument, WatchReportDocument, documentText } from '@paht/client-sdk';

describe('operationKind', () => {
  it.each([
    ['query Q { a }', 'query'],
    ['{ a }', 'query'],
    ['  # a comment with mutation in it\n query { a }', 'query'],
    ['mutation M($x: String = "query {") { a(x: $x) }', 'mutation'],
    ['fragment F on Report { id }\nquery Q { report { ...F } }', 'query'],
    ['fragment query on Report { id }\nmutation M { a }', 'mutation'],
    ['"""described"""\nsubscription S { a }', 'subscription'],
    ['', 'mutation'],
    ['nonsense', 'mutation'],
  ])('%j is a %s', (document, kind) => expect(operationKind(document)).toBe(kind));

  it('reads the generated documents', () => {
    expect(operationKind(documentText(TrackReportDocument))).toBe('query');
    expect(operationKind(documentText(SubmitReportDocument))).toBe('mutation');
    expect(operationKind(documentText(WatchReportDocument))).toBe('subscription');
  });
});
