import { afterEach, describe, expect, it } from 'vitest';
import { createPubSub } from '@graphql-yoga/subscription';
import { createSourceEventStream, execute, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { createSharedSubscribe, shareable } from '../../src/live/shared-execution.js';
import { createTenantBus } from '../../src/live/tenant-bus.js';
import { LIVE_HEARTBEAT_SLICES, startHeartbeat } from '../../src/live/heartbeat.js';
import { WebSocket, WebSocketServer } from 'ws';

// One event object handed to many subscribers, executed once per distinct key.
const pubsub = createPubSub<{ tick: [event: { n: number }] }>();
let runs = 0;
const Tick = new GraphQLObjectType<{ n: number }>({
  name: 'Tick',
  fields: {
    n: {
      type: GraphQLInt,
      resolve: (e) => {
        runs += 1;
        return e.n;
      },
    },
    label: { type: GraphQLString, args: { prefix: { type: GraphQLString } }, resolve: (e, { prefix }: { prefix?: string }) => `${prefix ?? ''}${e.n}` },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
  subscription: new GraphQLObjectType({ name: 'Subscription', fields: { tick: { type: Tick, subscribe: () => pubsub.subscribe('tick'), resolve: (e: unknown) => e } } }),
});
const subscribe = createSharedSubscribe({ createSourceEventStream, execute }, (args) => (args.contextValue as { key: string | null }).key);
const DOCUMENT = parse('subscription($p: String) { tick { n label(prefix: $p) } }');

async function subscriber(key: string | null, prefix: string) {
  const stream = await subscribe({ schema, document: DOCUMENT, variableValues: { p: prefix }, contextValue: { key } });
  if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
  // Listening once the source stream has asked for its first item.
  const first = stream.next();
  return { stream, first };
}

describe('shared execution of a subscription event', () => {
  it('runs the selection once per key for a shareable event, once per subscriber otherwise, and gives each key its own result', async () => {
    const a = await subscriber('k1', 'a:');
    const b = await subscriber('k1', 'a:');
    const c = await subscriber('k2', 'c:');
    const alone = await subscriber(null, 'a:');
    runs = 0;
    pubsub.publish('tick', shareable({ n: 7 }));
    const results = (await Promise.all([a.first, b.first, c.first, alone.first])).map((r) => (r.value as ExecutionResult).data);
    expect(results).toEqual([
      { tick: { n: 7, label: 'a:7' } },
      { tick: { n: 7, label: 'a:7' } },
      { tick: { n: 7, label: 'c:7' } },
      { tick: { n: 7, label: 'a:7' } },
    ]);
    // k1 (two subscribers) once, k2 once, the keyless subscriber once.
    expect(runs).toBe(3);

    runs = 0;
    const next = [a, b, c, alone].map((s) => s.stream.next());
    pubsub.publish('tick', { n: 8 });
    expect((await Promise.all(next)).map((r) => (r.value as ExecutionResult).data?.tick)).toEqual([
      { n: 8, label: 'a:8' },
      { n: 8, label: 'a:8' },
      { n: 8, label: 'c:8' },
      { n: 8, label: 'a:8' },
    ]);
    // Not marked shareable: one execution per subscriber.
    expect(runs).toBe(4);

    // return() ends a subscriber's stream while it waits.
    const waiting = a.stream.next();
    await a.stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await Promise.all([b, c, alone].map((s) => s.stream.return()));
  });
});

describe('a tenant bus', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  afterEach(() => void process.off('warning', onWarning));

  it('holds one listener per tenant channel whatever the number of subscribers, and gives each subscriber each of its tenant’s messages once', async () => {
    process.on('warning', onWarning);
    const bus = createTenantBus<{ tenantId: string; n: number }>('test');
    const subscribers = Array.from({ length: 25 }, (_, i) => bus.subscribe(i < 20 ? 't1' : 't2'));
    const first = subscribers.map((s) => s.next());
    const heard: number[] = [];
    const unlisten = bus.listen('t1', (m) => heard.push(m.n));
    bus.publish({ tenantId: 't1', n: 1 });
    bus.publish({ tenantId: 't2', n: 2 });
    expect((await Promise.all(first)).map((r) => r.value?.n)).toEqual([...Array<number>(20).fill(1), ...Array<number>(5).fill(2)]);
    expect(heard).toEqual([1]);
    unlisten();
    bus.publish({ tenantId: 't1', n: 3 });
    expect(heard).toEqual([1]);
    await Promise.all(subscribers.map((s) => s.return()));
    await new Promise((r) => setImmediate(r));
    // Node warns past 10 listeners of one EventTarget event: one listener per subscriber did.
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

describe('the heartbeat', () => {
  it('pings each socket once per interval, a slice of them per turn, and drops the one that stops answering', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    const { port } = wss.address() as { port: number };
    const intervalMs = 600;
    const stop = startHeartbeat(wss, intervalMs);
    const open = (autoPong: boolean) =>
      new Promise<{ socket: WebSocket; pings: number[]; closed: Promise<number> }>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}`, { autoPong });
        const pings: number[] = [];
        socket.on('ping', () => pings.push(performance.now()));
        const closed = new Promise<number>((r) => socket.once('close', (code) => r(code)));
        socket.once('open', () => resolve({ socket, pings, closed }));
      });
    const answering = await Promise.all(Array.from({ length: LIVE_HEARTBEAT_SLICES }, () => open(true)));
    const silent = await open(false);
    // Two full intervals: the silent one is pinged, stays silent, and is terminated at its next turn.
    expect(await silent.closed).toBe(1006);
    await new Promise((r) => setTimeout(r, intervalMs));
    for (const { socket, pings } of answering) {
      expect(socket.readyState).toBe(WebSocket.OPEN);
      expect(pings.length).toBeGreaterThanOrEqual(1);
    }
    // One socket per slice here: no two were pinged in the same turn.
    const firstPings = answering.map((a) => a.pings[0]!).sort((a, b) => a - b);
    expect(new Set(firstPings.map((t) => Math.round(t))).size).toBe(LIVE_HEARTBEAT_SLICES);
    stop();
    for (const { socket } of answering) socket.close();
    await new Promise((r) => wss.close(r));
  });
});
