// What bench/main.ts and its server process say to each other over IPC.

export const BENCH_TENANT = 'quang-tri';
export const BENCH_SECRET_KEY = 'bench-only-secret-key-not-for-production';
/** Demo staff passwords are `demo-<slug>` (core/src/seed/seed-demo.ts). */
export const BENCH_PASSWORD = `demo-${BENCH_TENANT}`;

export type ToServer =
  | { type: 'count'; id: number; marker: string }
  | { type: 'profile-start'; id: number }
  | { type: 'profile-stop'; id: number; file: string }
  | { type: 'usage'; id: number }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; base: string; engine: string; trackingCode: string; secret: string; timelineEvents: number }
  | { type: 'count'; id: number; n: number }
  | { type: 'profile'; id: number }
  | Usage;

/**
 * CPU time the process has used so far (user + system), in microseconds: what one request costs, whatever else runs on the machine;
 * `dbCpuMicros`: the same for the PostgreSQL server's processes (postmaster and its children), when it runs on this machine.
 */
export type Usage = { type: 'usage'; id: number; cpuMicros: number; dbCpuMicros?: number };

export type ToBare = { type: 'body'; id: number; body: string } | { type: 'usage'; id: number };
export type FromBare = { type: 'listening'; base: string } | { type: 'body'; id: number } | Usage;

export function usage(id: number, dbCpuMicros?: number): Usage {
  const { user, system } = process.cpuUsage();
  return { type: 'usage', id, cpuMicros: user + system, ...(dbCpuMicros === undefined ? {} : { dbCpuMicros }) };
}
