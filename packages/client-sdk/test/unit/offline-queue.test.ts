// The offline queue's bookkeeping with the in-memory and Web Storage
// adapters; the send function stands for the network (flushing against the
// real server is in test/integration/resilience.test.ts).
import { describe, expect, it } from 'vitest';
import { createOfflineQueue, memoryStorage, NetworkError, ServerError, webStorage, type SubmitReportInput, type SubmitReportResult } from '@paht/client-sdk';

const input: SubmitReportInput = { title: 'Đèn đường hỏng', description: 'Đèn đường trước chợ bị hỏng ba ngày.', reporter: { phone: '0912345678' } };
const success = (key: string): SubmitReportResult => ({ __typename: 'SubmitReportSuccess', id: key, trackingCode: 'QT-1', secret: 's', submittedAt: '2026-03-02T02:00:00.000Z', replayed: false });

/** A network that is down until `up` is set; records the keys it was sent. */
function network() {
  const sent: string[] = [];
  const state = { up: false, fault: null as Error | null };
  const send = async (_input: SubmitReportInput, { idempotencyKey }: { idempotencyKey: string }) => {
    sent.push(idempotencyKey);
    if (state.fault) throw state.fault;
    if (!state.up) throw new NetworkError('No answer', { code: 'NETWORK_ERROR' });
    return success(idempotencyKey);
  };
  return { send, sent, state };
}

let n = 0;
const keys = () => `key-${++n}`;

describe('createOfflineQueue', () => {
  it('sends at once when it can, and keeps nothing', async () => {
    const net = network();
    net.state.up = true;
    const queue = createOfflineQueue(net.send, keys, { onlineEvents: null, flushOnStart: false });
    expect(await queue.submit(input, { idempotencyKey: 'mine' })).toMatchObject({ __typename: 'SubmitReportSuccess', id: 'mine' });
    expect(await queue.pending()).toEqual([]);
  });

  it('never flushes on its own without onSubmitted, so no background answer is dropped', async () => {
    const net = network();
    const online = new EventTarget();
    const queue = createOfflineQueue(net.send, keys, { onlineEvents: online });
    const kept = await queue.submit(input);
    expect(kept.__typename).toBe('SubmitReportQueued');
    net.state.up = true;
    online.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(net.sent.filter((k) => k === (kept as { idempotencyKey: string }).idempotencyKey)).toHaveLength(1); // the first, failed attempt only
    expect(await queue.pending()).toHaveLength(1);
    const outcome = await queue.flush();
    expect(outcome.submitted).toEqual([expect.objectContaining({ result: expect.objectContaining({ __typename: 'SubmitReportSuccess' }) })]);
    expect(await queue.pending()).toEqual([]);
  });

  it('keeps what fails for lack of network, and sends it with the same key, oldest first, once', async () => {
    const net = network();
    const queue = createOfflineQueue(net.send, keys, { onlineEvents: null, flushOnStart: false });
    const a = await queue.submit(input);
    const b = await queue.submit({ ...input, idempotencyKey: 'given' });
    expect([a.__typename, b.__typename]).toEqual(['SubmitReportQueued', 'SubmitReportQueued']);
    expect((await queue.flush()).remaining).toHaveLength(2);
    net.state.up = true;
    const [first, second] = await Promise.all([queue.flush(), queue.flush()]);
    expect(second).toBe(first); // one flush at a time
    expect(first.submitted.map((s) => s.item.idempotencyKey)).toEqual([(a as { idempotencyKey: string }).idempotencyKey, 'given']);
    expect(await queue.flush()).toEqual({ submitted: [], remaining: [] });
    const perKey = net.sent.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    expect(Object.keys(perKey)).toHaveLength(2);
  });

  it('does not keep a submission the server refused for another reason', async () => {
    const net = network();
    net.state.fault = new ServerError('Unknown tenant', { code: 'TENANT_NOT_FOUND', statusCode: 404 });
    const queue = createOfflineQueue(net.send, keys, { onlineEvents: null, flushOnStart: false });
    await expect(queue.submit(input)).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
    expect(await queue.pending()).toEqual([]);
  });

  it('flushes on an online event and reports each answer', async () => {
    const net = network();
    const online = new EventTarget();
    const answered: string[] = [];
    let done: () => void = () => undefined;
    const queue = createOfflineQueue(net.send, keys, { onlineEvents: online, flushOnStart: false, onSubmitted: (item) => (answered.push(item.idempotencyKey), done()) });
    await queue.submit(input, { idempotencyKey: 'k1' });
    net.state.up = true;
    const flushed = new Promise<void>((resolve) => (done = resolve));
    online.dispatchEvent(new Event('online'));
    await flushed;
    expect(answered).toEqual(['k1']);
    queue.close();
    await queue.submit(input, { idempotencyKey: 'k2' }); // up: sent directly
    expect(answered).toEqual(['k1']);
  });
});

describe('storages', () => {
  it.each([
    ['memoryStorage', () => memoryStorage()],
    ['webStorage', () => {
      const m = new Map<string, string>();
      return webStorage({ storage: { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) } });
    }],
  ])('%s puts, replaces, lists and removes by key', async (_name, make) => {
    const storage = make();
    const item = { idempotencyKey: 'a', input: { ...input, idempotencyKey: 'a' }, queuedAt: '2026-03-02T02:00:00.000Z', attempts: 0, lastError: null };
    await storage.put(item);
    await storage.put({ ...item, attempts: 2 });
    await storage.put({ ...item, idempotencyKey: 'b' });
    expect((await storage.list()).map((i) => [i.idempotencyKey, i.attempts]).sort()).toEqual([['a', 2], ['b', 0]]);
    await storage.remove('a');
    await storage.remove('nothing');
    expect((await storage.list()).map((i) => i.idempotencyKey)).toEqual(['b']);
  });
});
