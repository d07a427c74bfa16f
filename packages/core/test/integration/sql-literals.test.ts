import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, withTenantSql } from '@paht/core';
import { Prisma } from '../../src/generated/prisma/client.js';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../support/test-database.js';

// `withTenantSql` sends its first statement with `BEGIN` and its setup (and a
// statement marked last with `COMMIT`) in one simple-protocol round trip, the
// parameters written into the text as quoted literals (`sqlLiteral`). Only
// PostgreSQL takes that path (PGlite binds every parameter), so only there.

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;

beforeAll(async () => {
  if (testEngine() !== 'postgres') return;
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  a = await createFixtureTenant(ctx, 'lit-a', 'LA');
  b = await createFixtureTenant(ctx, 'lit-b', 'LB');
});
afterAll(async () => tdb?.close());

/** What a statement gave: its rows, or its error's SQLSTATE (or class, for an error of the driver). */
type Outcome = { rows: unknown[] } | { error: string };
const outcome = (p: Promise<unknown[]>): Promise<Outcome> =>
  p.then(
    (rows) => ({ rows }),
    (e: unknown) => ({ error: (e as { code?: string }).code ?? (e as Error).name }),
  );

/** Text that breaks naive quoting, SQL comments, parameters and dollar quotes, or looks like another apostrophe. */
const NASTY = [
  "'", "''", '\\', "\\'", "E'", "e'\\x41'", '$1', '$$', '$a$', '--', '/*', '*/', ';', '\n', '\r\n', '\t', '"', '{', '}', ',', 'NULL', 'null',
  "'); DELETE FROM units; --", "'; COMMIT; DELETE FROM units WHERE true; --", "\\'; DROP TABLE units; --", "' OR '1'='1",
  "'; SET ROLE postgres; --", "'); SELECT set_config('app.tenant_id', '00000000-0000-0000-0000-000000000000', false); --",
  'ʼ', '＇', '’', '😀', 'e\u0301', 'Đông Hà', '\u202e', '\uFEFF', ' ',
];
const nastyString = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\0'));
const text = fc.oneof(nastyString, fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')), fc.constant(''), fc.constant('x'.repeat(100_000)));

// Years PostgreSQL's timestamptz holds (4713 BC to 294276 AD), and beyond.
const year = (y: number) => new Date(0).setUTCFullYear(y);
const date = fc.oneof(
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.date({ min: new Date(year(-4800)), max: new Date(year(275_000)), noInvalidDate: true }),
  fc.constantFrom(new Date(year(1)), new Date(year(0)), new Date(year(9999)), new Date(year(10_000))),
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 31, -(2 ** 31) - 1, 1e21, 1e-7, Number.MAX_SAFE_INTEGER + 2), fc.bigInt());
const json = fc.dictionary(fc.oneof(nastyString, fc.string()), fc.jsonValue(), { maxKeys: 5 });

/** A value and a cast to put after it (or none): the typed and untyped parameters the application sends. */
const typed: fc.Arbitrary<[unknown, string]> = fc.oneof(
  fc.tuple(text, fc.constantFrom('::text', '', '::varchar(20)', '::int', '::uuid', '::jsonb', '::timestamptz')),
  fc.tuple(number, fc.constantFrom('::text', '::int', '::bigint', '::numeric', '::float8')),
  fc.tuple(fc.boolean(), fc.constantFrom('::boolean', '::text')),
  fc.tuple(fc.constant(null), fc.constantFrom('::text', '::int', '::uuid', '::text[]', '::jsonb', '')),
  fc.tuple(date, fc.constantFrom('::timestamptz', '::date', '::text')),
  fc.tuple(fc.array(fc.oneof(text, fc.constantFrom('NULL', '"NULL"', 'a,b', '{x}', '\\"'), fc.constant(null)), { maxLength: 6 }), fc.constant('::text[]')),
  fc.tuple(fc.array(fc.integer(), { maxLength: 4 }), fc.constantFrom('::int[]', '::text[]')),
  fc.tuple(json, fc.constantFrom('::jsonb', '::json', '::text')),
  fc.tuple(fc.oneof(fc.uuid(), nastyString), fc.constant('::uuid')),
);

/** Text as it comes back from PostgreSQL: a lone surrogate is sent (UTF-8) as U+FFFD. */
const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, '\uFFFD');

/** Stands for a statement that failed alike on both paths. */
const FAILED = Symbol('failed');

/**
 * `SELECT <expression>` sent through `withTenantSql` as its first statement
 * alone (BEGIN … COMMIT in one round trip), as first, bound second and last
 * not first, and bound on the pool: the same value or the same SQLSTATE.
 */
async function sameAsBound(expression: Prisma.Sql): Promise<unknown> {
  const statement = Prisma.sql`SELECT ${expression} AS v, current_setting('app.tenant_id') AS tenant, current_user AS who`;
  const plain = Prisma.sql`SELECT ${expression} AS v`;
  const bound = await outcome(tdb.db.query(plain.text, plain.values));
  const alone = await outcome(withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(statement), { oneStatement: true }));
  const three = await outcome(
    withTenantSql(ctx.db, a.tenantId, async (sql) => [await sql.query(statement), await sql.query(statement), await sql.query(statement, { last: true })]),
  );
  // The one difference: a parameter whose type nothing determines (`$1 IS NULL`) is refused (42P18),
  // an untyped literal is text. Only the literal path runs such a statement, and runs it as text.
  if ('error' in bound && bound.error === '42P18' && !('error' in alone)) return FAILED;
  if ('error' in bound) {
    expect(alone).toEqual(bound);
    expect(three).toEqual(bound);
    return FAILED;
  }
  const row = { v: (bound.rows[0] as { v: unknown }).v, tenant: a.tenantId, who: 'paht_app' };
  expect(alone).toEqual({ rows: [row] });
  expect(three).toEqual({ rows: [[row], [row], [row]] });
  return row.v;
}

/** Untyped parameters in the places the application's statements put them. */
const inContext = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Prisma.Sql> =>
  fc.oneof(
    fc.tuple(value).map(([x]) => Prisma.sql`${x} + 1`),
    fc.tuple(value, value).map(([x, y]) => Prisma.sql`${x} || ${y}`),
    fc.tuple(value, value).map(([x, y]) => Prisma.sql`ARRAY[${x}, ${y}]`),
    fc.tuple(value).map(([x]) => Prisma.sql`${x} * interval '1 minute'`),
    fc.tuple(value, fc.array(text, { maxLength: 4 })).map(([x, list]) => Prisma.sql`${x} = ANY(${list})`),
    fc.tuple(value).map(([x]) => Prisma.sql`COALESCE(${x}, 'd')`),
    fc.tuple(value).map(([x]) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM generate_series(1, 5) LIMIT ${x} OFFSET ${x}) s)`),
    fc.tuple(value).map(([x]) => Prisma.sql`${x} < now()`),
    fc.tuple(value, value).map(([x, y]) => Prisma.sql`${x} LIKE ${y} ESCAPE '\\'`),
    fc.tuple(value).map(([x]) => Prisma.sql`jsonb_build_object('k', ${x}::text, 'n', ${x} IS NULL)`),
    fc.tuple(value).map(([x]) => Prisma.sql`CASE WHEN ${x} IS NOT NULL THEN ${x} ELSE 'none' END`),
  );

/** The tenant's units and reports, as the owner of each tenant sees them through Prisma. */
const snapshot = () =>
  Promise.all(
    [a.tenantId, b.tenantId].map((tenantId) =>
      withTenant(ctx.db, tenantId, (tx) =>
        tx.$queryRaw`SELECT (SELECT count(*)::int FROM units) AS units, (SELECT md5(string_agg(id::text || code || name, ',' ORDER BY id)) FROM units) AS digest,
                            (SELECT count(*)::int FROM reports) AS reports`,
      ),
    ),
  );

/** The pool's next connection (the one just released): no tenant, not the application role, no transaction left open. */
const cleanConnection = async () => {
  const [row] = await tdb.db.query<{ tenant: string | null; who: string; fresh: boolean }>(
    "SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, current_user AS who, now() = statement_timestamp() AS fresh",
  );
  expect(row?.tenant).toBeNull();
  expect(row?.who).not.toBe('paht_app');
  expect(row?.fresh).toBe(true);
};

describe.skipIf(testEngine() !== 'postgres')('parameters written into the first statement as literals', () => {
  it('give exactly what bind parameters give, under the tenant and the application role', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async ([value, cast]) => {
        const v = await sameAsBound(Prisma.sql`${value}${Prisma.raw(cast)}`);
        if (v === FAILED) return;
        // And the value itself, where the driver gives it back as it was sent.
        if (typeof value === 'string' && cast === '::text' && wellFormed(value) === value) expect(v).toBe(value);
        if (Array.isArray(value) && cast === '::text[]' && value.every((s) => s === null || (typeof s === 'string' && wellFormed(s) === s))) expect(v).toEqual(value);
        if (value instanceof Date && cast === '::timestamptz' && value.getUTCFullYear() >= 1 && value.getUTCFullYear() <= 9999) expect((v as Date).getTime()).toBe(value.getTime());
      }),
      { numRuns: 250 },
    );
    await cleanConnection();
  });

  it('take their type from where they stand, as untyped bind parameters do', async () => {
    const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null), date);
    await fc.assert(
      fc.asyncProperty(inContext(scalar), async (expression) => {
        await sameAsBound(expression);
      }),
      { numRuns: 150 },
    );
  });

  it('cannot be turned into SQL: no row changes, and the statement runs as the tenant under row-level security', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(nastyString, fc.boolean(), async (value, alone) => {
        const statement = Prisma.sql`SELECT count(*)::int AS n, ${value}::text AS echo, current_setting('app.tenant_id') AS tenant, current_user AS who
                                     FROM units WHERE code = ${value} OR name = (${[value]}::text[])[1] OR ${value} = 'never'`;
        const rows = await withTenantSql(ctx.db, a.tenantId, async (sql) => {
          const first = await sql.query(statement, { last: alone });
          return alone ? first : [...first, ...(await sql.query(statement))];
        });
        const row = { n: 0, echo: wellFormed(value), tenant: a.tenantId, who: 'paht_app' };
        expect(rows).toEqual(alone ? [row] : [row, row]);
      }),
      { numRuns: 150 },
    );
    expect(await snapshot()).toEqual(before);
    await cleanConnection();
  });

  it('leave nothing committed when the first statement fails on an attacker’s value, and the pool serves the next tenant rightly', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(nastyString.filter((s) => !/^\s*[+-]?\d+\s*$/.test(s)), fc.boolean(), async (value, alone) => {
        const insert = Prisma.sql`INSERT INTO units (id, tenant_id, code, name, kind) VALUES (gen_random_uuid(), ${a.tenantId}::uuid, 'LIT-FAIL', ${value}, 'AGENCY')
                                  RETURNING ${value}::int AS n`;
        const failed = await outcome(withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(insert, { last: alone })));
        expect(failed).toEqual({ error: '22P02' });
        const [next] = await withTenantSql(ctx.db, b.tenantId, (sql) =>
          sql.query<{ tenant: string; who: string; units: number }>(
            Prisma.sql`SELECT current_setting('app.tenant_id') AS tenant, current_user AS who, (SELECT count(*)::int FROM units WHERE tenant_id <> ${b.tenantId}::uuid) AS units`,
          ),
        );
        expect(next).toEqual({ tenant: b.tenantId, who: 'paht_app', units: 0 });
      }),
      { numRuns: 60 },
    );
    // A first statement that does not parse: its BEGIN never ran, and nothing after it may run outside the transaction.
    for (const bad of [Prisma.sql`SELEC ${"'); DELETE FROM units; --"}`, Prisma.sql`SELECT ${'x'}:::int`]) {
      const error = await withTenantSql(ctx.db, a.tenantId, async (sql) => {
        await sql.query(bad).catch(() => undefined);
        return sql.query(Prisma.sql`DELETE FROM units`);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
    }
    expect(await snapshot()).toEqual(before);
    await cleanConnection();
  });

  it('refuse text holding NUL before anything is sent, as bind parameters are refused', async () => {
    const before = await snapshot();
    for (const value of ['a\0b', ['x', 'y\0']]) {
      const insert = Prisma.sql`INSERT INTO units (id, tenant_id, code, name, kind) VALUES (gen_random_uuid(), ${a.tenantId}::uuid, 'LIT-NUL', ${value}::text, 'AGENCY') RETURNING code`;
      for (const last of [false, true]) {
        const error = await withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(insert, { last })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RangeError);
      }
      expect(await outcome(tdb.db.query(`SELECT $1::text AS v`, [value]))).toHaveProperty('error');
    }
    expect(await snapshot()).toEqual(before);
    await cleanConnection();
  });

  it('commit a last statement whose text ends in a line comment, and return its own rows', async () => {
    const statement = Prisma.sql`SELECT ${"it's -- not a comment"}::text AS v, current_user AS who -- a trailing comment`;
    expect(await withTenantSql(ctx.db, a.tenantId, (sql) => sql.query(statement), { oneStatement: true })).toEqual([{ v: "it's -- not a comment", who: 'paht_app' }]);
    const rows = await withTenantSql(ctx.db, a.tenantId, async (sql) => {
      await sql.query(Prisma.sql`SELECT 1`);
      return sql.query(statement, { last: true });
    });
    expect(rows).toEqual([{ v: "it's -- not a comment", who: 'paht_app' }]);
    await cleanConnection();
  });
});
