// One case against one server: a checked sample request, then autocannon
// from this process (the load generator, on its own core) for the duration.
import autocannon, { type RequestSpec } from 'autocannon';

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  total: number;
}

/** Sends each distinct request once and returns the longest answer; throws on an HTTP or GraphQL error. */
export async function sample(base: string, requests: RequestSpec[]): Promise<string> {
  let longest = '';
  const seen = new Set<string>();
  for (const spec of requests) {
    const request = spec.setupRequest ? spec.setupRequest({ ...spec }, {}) : spec;
    const key = `${request.path}${spec.setupRequest ? 'setup' : request.body}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const response = await fetch(`${base}${request.path ?? '/'}`, { method: request.method ?? 'GET', headers: request.headers ?? {}, ...(request.body ? { body: request.body } : {}) });
    const text = await response.text();
    const typename = /"__typename":"(\w+Error)"/.exec(text)?.[1];
    if (response.status !== 200 || /"errors":/.test(text) || typename) throw new Error(`${request.path}: ${response.status} ${text.slice(0, 300)}`);
    spec.onResponse?.(response.status, text, {});
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

export async function load(base: string, requests: RequestSpec[], seconds: number, connections: number): Promise<Figures> {
  const result = await autocannon({ url: base, requests, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
}
