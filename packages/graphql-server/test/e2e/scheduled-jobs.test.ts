// Issue 14: the scheduled jobs of two server processes (`pnpm start`) on one
// PostgreSQL database, with their schedules on. Each process registers the
// schedules (every minute, every quarter of an hour, hourly) and looks every
// second whether one is due (PAHT_JOB_CRON_CHECK_SECONDS=1, instead of 30 s).
// The test then makes every schedule due at each look (its cron becomes
// every minute, as if every look fell in the minute after a tick), so that
// the two processes look again and again at the same tick: each job must
// still be queued and run once per tick of its own schedule (one run per
// hour for the hourly ones, per quarter of an hour, per minute), not once
// per process nor once per look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../core/test/support/test-database.js';
import { provisionFixture, startServerProcess, until, type ServerProcess } from './support/server-process.js';

const NAMES = ['paht-cron-a', 'paht-cron-b'] as const;
/** Looks at the schedules (by either process) the test waits for once every schedule is due at each look. */
const LOOKS = 6;

let tdb: TestDatabase;
let servers: ServerProcess[] = [];
let startMs = 0;
/** The database's clock before the processes started (their first look at the schedules is at start). */
let from = 0;

/** The seconds of one tick of the cron expressions the runner registers (`cronFor`). */
function tickOf(cron: string): number {
  if (cron === '* * * * *') return 60;
  if (cron === '0 * * * *') return 3600;
  const every = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  if (!every) throw new Error(`unexpected schedule ${cron}`);
  return Number(every[1]) * 60;
}

/** The database's clock, in seconds since the epoch. */
const dbSeconds = async (): Promise<number> => (await tdb.db.query<{ s: number }>('SELECT extract(epoch FROM now())::float8 AS s'))[0]!.s;

beforeAll(async () => {
  const started = Date.now();
  tdb = await openTestDatabase();
  await provisionFixture(tdb.db, 'cron', 'CR');
  from = await dbSeconds();
  servers = NAMES.map((name) => startServerProcess({ DATABASE_URL: `${tdb.url!}?application_name=${name}`, PAHT_JOB_CRON_CHECK_SECONDS: '1' }));
  await Promise.all(servers.map((s) => s.ready));
  startMs = Date.now() - started;
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await tdb?.close();
});

describe.runIf(process.env.TEST_DB === 'postgres')('two server processes with their schedules on', () => {
  it('queue and run each scheduled job once per tick of its schedule, however often both look', async () => {
    const started = Date.now();
    const expected = ['deadlines-sla-alerts', 'deadlines-form-reminders', 'deadlines-auto-close', 'exports-monthly-report'];
    const readSchedules = () => tdb.db.query<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule ORDER BY name');
    // A process says it is up once it listens; pg-boss starts and registers the schedules after that, so wait
    // for them (on a quiet machine the first read came before: an empty list, or no pgboss schema yet).
    await expect.poll(async () => (await readSchedules().catch(() => [])).map((s) => s.name), { timeout: 30_000, interval: 100 }).toEqual(expect.arrayContaining(expected));
    const schedules = await readSchedules();
    // Both processes registered the same schedules, stored once: the five deadline jobs and the exports' two sweeps.
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(expected));
    const ticks = new Map(schedules.map((s) => [s.name, tickOf(s.cron)]));
    expect(new Set(ticks.values())).toEqual(new Set([60, 900, 3600]));

    // Every schedule due at every look from now on (set again until it stays: a process registers its schedules once
    // it listens, which may be just after its start banner); wait for LOOKS looks (each moves the version's cron_on).
    // Looks on both sides of a minute are the case pg-boss's own per-minute guard lets through twice (docs/deadlines.md):
    // when the next minute is at most 15 s away, wait for its last 4 s so the looks straddle it (≤ 11 s more).
    const second = (await dbSeconds()) % 60;
    if (second >= 45 && second < 56) await new Promise((resolve) => setTimeout(resolve, (56 - second) * 1000));
    const straddles = (await dbSeconds()) % 60 >= 52;
    const looks = new Set<string>();
    const watch = setInterval(() => {
      void tdb.db
        .query<{ at: string }>(`WITH due AS (UPDATE pgboss.schedule SET cron = '* * * * *' WHERE cron <> '* * * * *') SELECT cron_on::text AS at FROM pgboss.version`)
        .then((rows) => rows[0]?.at && looks.add(rows[0].at), () => undefined);
    }, 100);
    try {
      await until(() => looks.size > LOOKS, `${LOOKS} looks at the schedules`, 30_000);
    } finally {
      clearInterval(watch);
    }
    // The last look's runs are moved to their queues within a second (the send queue is polled every second too).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const to = await dbSeconds();

    // Each run to its end (deadline jobs over the fixture tenant, the monthly report with no recipients: quick).
    const names = [...ticks.keys()];
    const runs = async () =>
      tdb.db.query<{ name: string; state: string; retry_count: number }>('SELECT name, state, retry_count FROM pgboss.job WHERE name = ANY($1::text[])', [names]);
    await expect.poll(async () => (await runs()).filter((r) => r.state !== 'completed').length, { timeout: 30_000, interval: 200 }).toBe(0);
    const all = await runs();

    const counts: Record<string, { runs: number; ticks: number }> = {};
    for (const [name, tick] of ticks) {
      // The ticks of the schedule's own length that the span touched (from the processes' start to the last look).
      const touched = Math.floor(to / tick) - Math.floor(from / tick) + 1;
      const mine = all.filter((r) => r.name === name);
      counts[name] = { runs: mine.length, ticks: touched };
      expect(mine.every((r) => r.retry_count === 0), name).toBe(true);
    }
    // At least one run of each, and never more than one per tick (once per look or per process would be several).
    for (const [name, c] of Object.entries(counts)) {
      expect(c.runs, name).toBeGreaterThanOrEqual(1);
      expect(c.runs, name).toBeLessThanOrEqual(c.ticks);
    }
    console.log(
      `[scheduled-jobs] ${looks.size} looks over ${Math.round(to - from)} s by two processes${straddles ? ', across a minute' : ''}; runs per job (ticks touched): ` +
        Object.entries(counts).map(([n, c]) => `${n} ${c.runs} (${c.ticks})`).join(', ') +
        `; database and both processes started in ${startMs} ms, the test ran ${Date.now() - started} ms`,
    );
  }, 60_000);
});
