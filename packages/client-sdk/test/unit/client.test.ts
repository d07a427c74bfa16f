import { describe, expect, it } from 'vitest';
import { createClient, NetworkError, ServerError, type SubmitReportInput } from '@paht/client-sdk';

const input: SubmitReportInput = { title: 'Đèn đường hỏng', description: 'Đèn đường trước chợ bị hỏng ba ngày.', address: 'Chợ Đông Hà', reporter: { phone: '0912345678' } };
const success = { __typename: 'SubmitReportSuccess', id: 'r1', trackingCode: 'QT-123-456-789', secret: 's', submittedAt: '2026-03-02T02:00:00.000Z', replayed: false };

/** A fetch that fails `failures` times, then answers `body`; records what it was sent, and when. */
function fakeFetch(failures: number, body: unknown, init: ResponseInit = { status: 200 }, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; at: number; headers: Record<string, string>; body: { query: string; variables: { input?: SubmitReportInput } } }> = [];
  const fetch = (async (url: string, req: RequestInit) => {
    calls.push({ url, at: Date.now(), headers: req.headers as Record<string, string>, body: JSON.parse(req.body as string) });
    if (calls.length <= failures) throw new TypeError('fetch failed');
    return new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', 'x-request-id': 'req-1234-5678', ...headers } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const unavailable = { errors: [{ message: 'Dịch vụ tạm thời gián đoạn', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };

describe('createClient', () => {
  it('rejects unknown options and missing required ones', () => {
    expect(() => createClient({ endpoint: 'http://x/graphql', tenant: 'qt', tennant: 'typo' } as never)).toThrow('unknown option tennant');
    expect(() => createClient({ endpoint: '', tenant: 'qt' })).toThrow('endpoint is required');
  });

  it('sends the tenant and the token in headers', async () => {
    const { fetch, calls } = fakeFetch(0, { data: { trackReport: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'No such report' } } });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'quang-tri', fetch }).withToken('tok');
    expect(await client.trackReport('QT-000-000-000')).toMatchObject({ __typename: 'NotFoundError' });
    expect(calls[0]?.headers).toMatchObject({ 'x-tenant': 'quang-tri', authorization: 'Bearer tok', 'content-type': 'application/json' });
  });
});

describe('submitReport', () => {
  it('always sends an idempotency key, and retries a lost request with the same key', async () => {
    const { fetch, calls } = fakeFetch(2, { data: { submitReport: success } });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch });
    expect(await client.submitReport(input)).toEqual(success);
    expect(calls).toHaveLength(3);
    const keys = calls.map((c) => c.body.variables.input?.idempotencyKey);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives up with a NetworkError after maxNetworkRetries', async () => {
    const { fetch, calls } = fakeFetch(10, {});
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch, maxNetworkRetries: 1 });
    await expect(client.submitReport(input, { idempotencyKey: 'mine-0001' })).rejects.toBeInstanceOf(NetworkError);
    expect(calls.map((c) => c.body.variables.input?.idempotencyKey)).toEqual(['mine-0001', 'mine-0001']);
  });
});

describe('request errors', () => {
  it('throws a ServerError with the code, status and request id', async () => {
    const { fetch } = fakeFetch(0, { errors: [{ message: 'Unknown tenant x', extensions: { code: 'TENANT_NOT_FOUND' } }] }, { status: 404 });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'x', fetch });
    const error = await client.trackReport('QT-000-000-000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'TENANT_NOT_FOUND', statusCode: 404, requestId: 'req-1234-5678', message: 'Unknown tenant x' });
  });
});

describe('retries', () => {
  it('retries a query that got no answer, but never another mutation', async () => {
    const query = fakeFetch(1, { data: { trackReport: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'No such report' } } });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: query.fetch, retry: { baseDelayMs: 1 } });
    expect(await client.trackReport('QT-000-000-000')).toMatchObject({ __typename: 'NotFoundError' });
    expect(query.calls).toHaveLength(2);

    const mutation = fakeFetch(1, { data: { x: 1 } });
    const other = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: mutation.fetch, retry: { baseDelayMs: 1 } });
    await expect(other.request('mutation { classifyReport(id: "1", categoryId: "2") { __typename } }')).rejects.toBeInstanceOf(NetworkError);
    expect(mutation.calls).toHaveLength(1);
  });

  it('retries a query answered 503 by a gateway, not one answered with errors', async () => {
    const gateway = fakeFetch(0, { errors: [{ message: 'Service unavailable', extensions: { code: 'UNAVAILABLE' } }] }, { status: 503 });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: gateway.fetch, retry: { retries: 2, baseDelayMs: 1 } });
    await expect(client.request('{ categories { id } }')).rejects.toMatchObject({ statusCode: 503 });
    expect(gateway.calls).toHaveLength(3);
    const refused = fakeFetch(0, { errors: [{ message: 'Unknown tenant', extensions: { code: 'TENANT_NOT_FOUND' } }] }, { status: 404 });
    await expect(createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: refused.fetch }).request('{ categories { id } }')).rejects.toBeInstanceOf(ServerError);
    expect(refused.calls).toHaveLength(1);
  });

  it('retries eight times by default, and a mutation only with an idempotency key', async () => {
    const query = fakeFetch(0, unavailable, { status: 503 });
    // Defaults but the waits (the real ones add up to 11–23 s).
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: query.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(client.request('{ categories { id } }')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', statusCode: 503 });
    expect(query.calls).toHaveLength(9);

    const keyed = fakeFetch(2, { data: { submitIndicatorForm: { __typename: 'IndicatorSubmission' } } });
    const staff = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: keyed.fetch, retry: { baseDelayMs: 1 } });
    const form = 'mutation Submit($input: SubmitIndicatorFormInput!) { submitIndicatorForm(input: $input) { __typename } }';
    await staff.request(form, { input: { formId: 'f', unitId: 'u', period: '2026-03', values: [], idempotencyKey: 'form-key-0001' } });
    expect(keyed.calls).toHaveLength(3);
    const unkeyed = fakeFetch(1, {});
    const other = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: unkeyed.fetch, retry: { baseDelayMs: 1 } });
    await expect(other.request(form, { input: { formId: 'f', unitId: 'u', period: '2026-03', values: [], idempotencyKey: '' } })).rejects.toBeInstanceOf(NetworkError);
    expect(unkeyed.calls).toHaveLength(1);
  });

  it("waits at least a 503's retry-after, and gives up on one longer than maxDelayMs", async () => {
    const asked = fakeFetch(0, unavailable, { status: 503 }, { 'retry-after': '1' });
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: asked.fetch, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2000 } });
    const error = await client.request('{ categories { id } }').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterMs: 1000 });
    expect(asked.calls).toHaveLength(2);
    expect(asked.calls[1]!.at - asked.calls[0]!.at).toBeGreaterThanOrEqual(990);

    const tooLong = fakeFetch(0, unavailable, { status: 503 }, { 'retry-after': '120' });
    const patient = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: tooLong.fetch, retry: { baseDelayMs: 1 } });
    await expect(patient.request('{ categories { id } }')).rejects.toMatchObject({ retryAfterMs: 120_000 });
    expect(tooLong.calls).toHaveLength(1);
  });

  it('refuses to send a subscription over HTTP', async () => {
    const client = createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', fetch: fakeFetch(0, {}).fetch });
    await expect(client.request('subscription { iocInbox { reportId } }')).rejects.toThrow('use subscribe()');
  });

  it('sends an API key as x-api-key', async () => {
    const { fetch, calls } = fakeFetch(0, { data: { categories: [] } });
    await createClient({ endpoint: 'http://api.test/graphql', tenant: 'qt', apiKey: 'pk_test', fetch }).request('{ categories { id } }');
    expect(calls[0]?.headers).toMatchObject({ 'x-api-key': 'pk_test' });
  });
});
