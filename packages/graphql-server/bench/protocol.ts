// What bench/main.ts and its server process say to each other over IPC.

export const BENCH_TENANT = 'quang-tri';
export const BENCH_SECRET_KEY = 'bench-only-secret-key-not-for-production';
/** Demo staff passwords are `demo-<slug>` (core/src/seed/seed-demo.ts). */
export const BENCH_PASSWORD = `demo-${BENCH_TENANT}`;

export type ToServer =
  | { type: 'count'; id: number; marker: string }
  | { type: 'profile-start'; id: number }
  | { type: 'profile-stop'; id: number; file: string }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; base: string; engine: string; trackingCode: string; secret: string; timelineEvents: number }
  | { type: 'count'; id: number; n: number }
  | { type: 'profile'; id: number };

export type ToBare = { type: 'body'; id: number; body: string };
export type FromBare = { type: 'listening'; base: string } | { type: 'body'; id: number };
