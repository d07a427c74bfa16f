import { XMLBuilder } from 'fast-xml-parser';

/** The standard's element name for each item of a list, by the list's element name. */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ format: true });

type Tree = string | { [name: string]: Tree | Tree[] };

function toTree(name: string, value: unknown): Tree {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new TypeError(`No Open311 item element for list <${name}>`);
    // An empty array would drop the element altogether: keep it, empty.
    return value.length === 0 ? '' : { [item]: value.map((v) => toTree(item, v)) };
  }
  if (typeof value === 'object') {
    const tree: Record<string, Tree> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) tree[key] = toTree(key, v);
    return tree;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`No Open311 XML for a ${typeof value} in <${name}>`);
}

/**
 * The XML of an Open311 answer: `root` is the standard's document element
 * (`services`, `service_requests`, `service_definition`, `discovery`,
 * `errors`); lists inside take the standard's item names (`<services><service>`,
 * `<service_requests><request>`, `<attributes><attribute>`, …); null is an
 * empty element.
 */
export function toOpen311Xml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toTree(root, value) })}`;
}
