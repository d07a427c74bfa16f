import type { PublicClient, ReportStatus } from '@paht/client-sdk/public';

export type LiveState = 'connecting' | 'live' | 'off';

export interface StatusUpdate {
  trackingCode: string;
  status: ReportStatus;
  entry: { seq: number };
}

export interface WatchHandlers {
  onUpdate: (update: StatusUpdate) => void;
  onState: (state: LiveState) => void;
}

/**
 * Follows a report's status live with the SDK's `watchReport` (graphql-ws;
 * it reconnects and resubscribes by itself, and the first item after a
 * reconnection is the current status, so nothing is missed). Returns the
 * function that stops.
 */
export function watchReportStatus(client: PublicClient, trackingCode: string, secret: string, handlers: WatchHandlers): () => void {
  const stop = new AbortController();
  handlers.onState('connecting');
  void (async () => {
    try {
      for await (const update of client.watchReport(trackingCode, secret, { signal: stop.signal })) {
        handlers.onState('live');
        handlers.onUpdate(update);
      }
    } catch {
      // Refused (wrong secret) or the connection gave up: the page still shows the last state.
    }
    handlers.onState('off');
  })();
  return () => stop.abort();
}
