import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';

/** A graphql-ws client in Node, to `<http base>/graphql`, that never retries (a refusal ends the test's iteration). */
export function liveClient(httpBase: string, connectionParams: Record<string, unknown>, search = ''): Client {
  return createClient({
    url: `${httpBase.replace(/^http/, 'ws')}/graphql${search}`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
}

export interface Live<T> {
  next(): Promise<T>;
  /** The reason the server ended the subscription or the connection. */
  failure(): Promise<unknown>;
  stop(): Promise<void>;
}

/** Subscribes at once; `next()` is the next item's `data` and throws on errors or the end. */
export function live<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Live<T> {
  const iterator = client.iterate<T>({ query, variables });
  return {
    async next() {
      const item = await iterator.next();
      if (item.done) throw new Error('subscription ended');
      if (item.value.errors) throw new Error(`subscription errors: ${JSON.stringify(item.value.errors)}`);
      return item.value.data as T;
    },
    async failure() {
      try {
        const item = await iterator.next();
        return item.done ? 'completed' : item.value.errors;
      } catch (error) {
        return error;
      }
    },
    async stop() {
      await iterator.return?.();
    },
  };
}
