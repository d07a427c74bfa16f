// The load balancer in front of several server processes, at the edge of
// the test: a TCP proxy (node:net) that hands each new connection to the
// next live backend in turn, skips a backend that refuses, and cuts the
// client's connection when its backend's goes away, as a real balancer does.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** How many connections each backend (by index) has taken so far. */
  connections: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backends: Array<{ host: string; port: number }>): Promise<RoundRobinProxy> {
  const connections = backends.map(() => 0);
  const open = new Set<Socket>();
  let next = 0;

  /**
   * Connects `client` to the next backend that accepts, trying each once:
   * from its turn on, in order (`start`). Taking a fresh turn for each try
   * could land twice on the same dead backend while other connections took
   * the live one's turns in between, and cut a client that a live backend
   * would have served (the multi-process test's rare ECONNRESET).
   */
  function route(client: Socket, tries = 0, start = next++): void {
    if (tries >= backends.length) {
      client.destroy();
      return;
    }
    const index = (start + tries) % backends.length;
    const upstream = connect(backends[index]!);
    let connected = false;
    open.add(upstream);
    upstream.once('connect', () => {
      connected = true;
      connections[index]! += 1;
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on('error', () => undefined);
    upstream.once('close', () => {
      open.delete(upstream);
      // Refused before connecting: the next backend; cut after: the client's connection ends too.
      if (connected) client.destroy();
      else if (!client.destroyed) route(client, tries + 1, start);
    });
    client.once('close', () => upstream.destroy());
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => undefined);
    client.once('close', () => open.delete(client));
    route(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    connections,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
