// `pnpm bench` options: `--name=value` arguments win over BENCH_* variables.
//   --seconds / BENCH_SECONDS           per case, default 5
//   --connections / BENCH_CONNECTIONS   default 20
//   --engines / BENCH_ENGINES           postgres,pglite (default both)
//   --cases / BENCH_CASES               keys from workloads.ts, default all
//   --profile / BENCH_PROFILE           a folder: the server runs with --cpu-prof into it
//   DATABASE_URL                        an existing PostgreSQL instead of a throwaway server
import { WORKLOADS } from './workloads.js';

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : process.env[`BENCH_${name.toUpperCase()}`];
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--${name} must be a positive number`);
  return value;
}

const list = (name: string, all: string[]) => {
  const given = option(name)?.split(',').map((s) => s.trim()).filter(Boolean) ?? all;
  const unknown = given.filter((g) => !all.includes(g));
  if (unknown.length) throw new RangeError(`--${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return given;
};

export const options = {
  seconds: positive('seconds', 5),
  connections: Math.round(positive('connections', 20)),
  engines: list('engines', ['postgres', 'pglite']) as Array<'postgres' | 'pglite'>,
  cases: list('cases', WORKLOADS.map((w) => w.key)),
  profile: option('profile') ?? null,
};
