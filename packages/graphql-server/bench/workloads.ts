// The cases `pnpm bench` measures, each as the requests one connection sends
// in turn (autocannon's `requests`). Documents: bench/documents.ts.
import type { RequestSpec } from 'autocannon';
import { FLOOR, INBOX_REPORTS, PUBLIC_REPORTS, PUBLIC_STATS, SUBMIT_REPORT, TRACK_REPORT, UNIT_QUEUE_REPORTS } from './documents.js';
import { BENCH_TENANT } from './protocol.js';

export interface Session {
  trackingCode: string;
  secret: string;
  iocToken: string;
  unitToken: string;
}

export interface Workload {
  key: string;
  name: string;
  requests: (session: Session, run: SubmitCounter) => RequestSpec[];
  /** Submissions carry this marker in their title: counted in the database afterwards. */
  writes?: boolean;
}

/** Unique idempotency keys and the count of acknowledged submissions. */
export class SubmitCounter {
  private n = 0;
  acknowledged = 0;
  refused = 0;
  constructor(readonly marker: string) {}
  nextKey(): string {
    this.n += 1;
    return `${this.marker}-${this.n}`;
  }
}

const headers = (token?: string): Record<string, string> => ({
  'content-type': 'application/json',
  'x-tenant': BENCH_TENANT,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

export const graphqlRequest = (query: string, variables: Record<string, unknown>, token?: string, extensions?: Record<string, unknown>): RequestSpec => ({
  method: 'POST',
  path: '/graphql',
  headers: headers(token),
  body: JSON.stringify({ query, variables, ...(extensions ? { extensions } : {}) }),
});

const submission = (run: SubmitCounter, key: string) => ({
  title: `Đèn đường hỏng ${run.marker}`,
  description: 'Đèn đường trước số nhà 12 không sáng ba đêm liền, đoạn gần chợ Đông Hà.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: 'Đông Hà, Quảng Trị',
  reporter: { fullName: 'Người Thử Tải', phone: '0905 222 333' },
  idempotencyKey: key,
});

/** A submission with a fresh idempotency key each time it is sent; counts the acknowledged ones. */
export function submitRequest(run: SubmitCounter): RequestSpec {
  return {
    method: 'POST',
    path: '/graphql',
    headers: headers(),
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: SUBMIT_REPORT, variables: { input: submission(run, run.nextKey()) } }) }),
    onResponse: (status, body) => {
      if (status === 200 && body.includes('"SubmitReportSuccess"') && !body.includes('"replayed":true')) run.acknowledged += 1;
      else run.refused += 1;
    },
  };
}

const publicTrack = (s: Session) => graphqlRequest(TRACK_REPORT, { trackingCode: s.trackingCode });
const publicList = () => graphqlRequest(PUBLIC_REPORTS, { first: 50 });
const publicStats = () => graphqlRequest(PUBLIC_STATS, { from: '2021-01-01', to: '2023-12-31', groupBy: 'UNIT' });

export const WORKLOADS: Workload[] = [
  { key: 'public-track', name: 'public tracker lookup (cached)', requests: (s) => [publicTrack(s)] },
  { key: 'public-list', name: 'public list of 50 (cached)', requests: () => [publicList()] },
  { key: 'public-stats', name: 'public statistics (cached)', requests: () => [publicStats()] },
  { key: 'tracker-secret', name: "citizen's tracker with secret", requests: (s) => [graphqlRequest(TRACK_REPORT, { trackingCode: s.trackingCode, secret: s.secret })] },
  { key: 'ioc-list', name: 'IOC work list, 50 reports', requests: (s) => [graphqlRequest(INBOX_REPORTS, { first: 50 }, s.iocToken)] },
  { key: 'unit-queue', name: 'unit queue', requests: (s) => [graphqlRequest(UNIT_QUEUE_REPORTS, {}, s.unitToken)] },
  { key: 'submit', name: 'submit a report', writes: true, requests: (_s, run) => [submitRequest(run)] },
  // What any request costs before a resolver works (an extension keeps the answer cache out).
  { key: 'floor', name: 'floor: { __typename }, anonymous, uncached', requests: () => [graphqlRequest(FLOOR, {}, undefined, { bench: 'floor' })] },
  { key: 'floor-staff', name: 'floor: { __typename }, signed in (IOC)', requests: (s) => [graphqlRequest(FLOOR, {}, s.iocToken)] },
  {
    key: 'mixed',
    name: 'mixed: public reads, every 10th a submit',
    writes: true,
    requests: (s, run) => [publicTrack(s), publicList(), publicStats(), publicTrack(s), publicList(), publicStats(), publicTrack(s), publicList(), publicStats(), submitRequest(run)],
  },
];
