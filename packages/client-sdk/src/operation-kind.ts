export type OperationKind = 'query' | 'mutation' | 'subscription';

/**
 * The kind of a document's first operation, read without a GraphQL parser
 * (the SDK ships none): the first `query`/`mutation`/`subscription` keyword
 * at the top level, skipping fragments, comments and strings; a bare
 * selection set is a query. Unreadable: `mutation`, the kind never retried.
 */
export function operationKind(document: string): OperationKind {
  let depth = 0;
  let inFragmentHeader = false;
  for (let i = 0; i < document.length; i++) {
    const c = document[i]!;
    if (c === '#') {
      const end = document.indexOf('\n', i);
      i = end < 0 ? document.length : end;
    } else if (c === '"') {
      const block = document.startsWith('"""', i);
      const close = block ? document.indexOf('"""', i + 3) : nextQuote(document, i + 1);
      if (close < 0) break;
      i = close + (block ? 2 : 0);
    } else if (c === '{') {
      if (depth === 0 && !inFragmentHeader) return 'query';
      if (depth === 0) inFragmentHeader = false;
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (depth === 0 && /[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_]\w*/.exec(document.slice(i, i + 20))![0];
      if (!inFragmentHeader && (word === 'query' || word === 'mutation' || word === 'subscription')) return word;
      if (word === 'fragment') inFragmentHeader = true;
      i += word.length - 1;
    }
  }
  return 'mutation';
}

function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
