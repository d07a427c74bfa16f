import type { ExecutionArgs, ExecutionResult } from 'graphql';

// Events handed, as one object, to many subscribers (a citizen step to every follower of the report).
const sharedEvents = new WeakSet<object>();

/**
 * Marks `event` as handed unchanged to every subscriber it concerns, so
 * that subscribers with the same execution key (same tenant, document,
 * operation and variables, see `createSharedSubscribe`) share one execution
 * of their selection on it. Returns it.
 */
export function shareable<T extends object>(event: T): T {
  sharedEvents.add(event);
  return event;
}

/** The two graphql-js functions a subscription runs on (passed in: the server picks its copy of graphql-js). */
export interface GraphQLExecution {
  createSourceEventStream(args: ExecutionArgs): Promise<AsyncIterable<unknown> | ExecutionResult>;
  execute(args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * graphql-js's `subscribe` (the source stream, each event executed with the
 * selection), except that an event marked `shareable` is executed once per
 * distinct `keyOf(args)` and the same result given to every subscriber
 * with that key: 10,000 followers of a report sending the same document
 * and variables cost one execution per step, not 10,000. `keyOf` returns
 * null for a subscriber whose result may depend on more than the key (its
 * events are executed for it alone). Results are kept as long as the event
 * object is (a WeakMap), so nothing outlives the step's delivery.
 */
export function createSharedSubscribe(
  graphql: GraphQLExecution,
  keyOf: (args: ExecutionArgs) => string | null,
): (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  return async (args) => {
    const source = await graphql.createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const key = keyOf(args);
    const run = (event: unknown) => graphql.execute({ ...args, rootValue: event });
    return mapEach(source[Symbol.asyncIterator](), (event) => {
      if (key === null || typeof event !== 'object' || event === null || !sharedEvents.has(event)) return run(event);
      let byKey = results.get(event);
      if (!byKey) results.set(event, (byKey = new Map<string, Promise<ExecutionResult>>()));
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = Promise.resolve(run(event))));
      return result;
    });
  };
}

/** `source`'s items through `map`, as graphql-js maps a source stream: `return()` ends the source at once, even while a `next()` waits on it. */
function mapEach<T, R>(source: AsyncIterator<T>, map: (item: T) => R | Promise<R>): AsyncGenerator<R, void, void> {
  const end = async (): Promise<IteratorResult<R, void>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  const mapped: AsyncGenerator<R, void, void> = {
    async next() {
      const item = await source.next();
      if (item.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await map(item.value) };
      } catch (error) {
        await source.return?.();
        throw error;
      }
    },
    return: end,
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
