import type { WebSocket, WebSocketServer } from 'ws';

/** How often every open socket is pinged; one that has not answered the previous ping by then is dropped. */
export const LIVE_HEARTBEAT_MS = 12_000;
/** The sockets are pinged in this many turns spread over the interval, not all at once. */
export const LIVE_HEARTBEAT_SLICES = 12;

// Sockets pinged and not yet answered. One process-wide set and one shared
// listener, instead of graphql-ws's own keep-alive, which holds an interval,
// a timeout and a listener closure for each connection.
const awaitingPong = new WeakSet<WebSocket>();

function answered(this: WebSocket): void {
  awaitingPong.delete(this);
}

// The heartbeat group of each socket, left on close (shared listeners, no closure per socket).
const groupOf = new WeakMap<WebSocket, Set<WebSocket>>();

function left(this: WebSocket): void {
  groupOf.get(this)?.delete(this);
}

/**
 * One timer for every socket of `wss` (the `ws` library's heartbeat
 * pattern): a socket that left the last ping unanswered (a peer gone
 * without closing) is terminated, the others pinged again, each once per
 * `intervalMs`. The sockets are dealt round-robin into
 * `LIVE_HEARTBEAT_SLICES` groups and the timer serves one group per tick,
 * so 10,000 sockets cost 1/12 of their pings at a time, never one burst
 * that a live update would queue behind. Returns the function that stops it.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = LIVE_HEARTBEAT_MS): () => void {
  const slices = Array.from({ length: LIVE_HEARTBEAT_SLICES }, () => new Set<WebSocket>());
  let dealt = 0;
  wss.on('connection', (socket: WebSocket) => {
    const slice = slices[dealt++ % slices.length]!;
    slice.add(socket);
    groupOf.set(socket, slice);
    socket.on('pong', answered);
    socket.on('close', left);
  });
  let turn = 0;
  const timer = setInterval(() => {
    for (const socket of slices[turn++ % slices.length]!) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs / slices.length);
  timer.unref();
  return () => clearInterval(timer);
}
