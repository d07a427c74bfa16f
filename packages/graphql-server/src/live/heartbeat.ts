import type { WebSocket, WebSocketServer } from 'ws';

/** How often every open socket is pinged; one that has not answered the previous ping by then is dropped. */
export const LIVE_HEARTBEAT_MS = 12_000;

// Sockets pinged and not yet answered. One process-wide set and one shared
// listener, instead of graphql-ws's own keep-alive, which holds an interval,
// a timeout and a listener closure for each connection.
const awaitingPong = new WeakSet<WebSocket>();

function answered(this: WebSocket): void {
  awaitingPong.delete(this);
}

/**
 * One timer for every socket of `wss` (the `ws` library's heartbeat
 * pattern): each tick terminates the sockets that left the last ping
 * unanswered (a peer gone without closing) and pings the others. Returns
 * the function that stops it.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = LIVE_HEARTBEAT_MS): () => void {
  wss.on('connection', (socket: WebSocket) => socket.on('pong', answered));
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
