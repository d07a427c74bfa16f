import { describe, expect, it } from 'vitest';
import { describeDatabase, productionProblems, readConfig } from '../../src/config.js';
import { MIN_OPERATOR_TOKEN_LENGTH, operatorTokenCheck } from '../../src/operator/operator-routes.js';
import { parseOfficeHours } from '../../../core/src/cli/office-hours-flag.js';

describe('production configuration', () => {
  it('requires PAHT_SECRET_KEY (32 characters or more) only in production, naming the variable and never the value', () => {
    expect(productionProblems({})).toEqual([]);
    expect(productionProblems({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('PAHT_SECRET_KEY is not set')]);
    const short = productionProblems({ NODE_ENV: 'production', PAHT_SECRET_KEY: 'short-secret' });
    expect(short).toEqual([expect.stringContaining('shorter than 32')]);
    expect(short.join()).not.toContain('short-secret');
    expect(productionProblems({ NODE_ENV: 'production', PAHT_SECRET_KEY: 'x'.repeat(32) })).toEqual([]);
  });

  it('seeds the demo in production only with PAHT_DEMO=1', () => {
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, demo: false });
    expect(readConfig({ NODE_ENV: 'production', PAHT_DEMO: '1' })).toMatchObject({ production: true, demo: true });
    expect(readConfig({})).toMatchObject({ production: false });
  });

  it('reads PAHT_DELIVERY_INTERVAL_MS as whole milliseconds, refusing anything else by name', () => {
    expect(readConfig({}).deliveryIntervalMs).toBeNull();
    expect(readConfig({ PAHT_DELIVERY_INTERVAL_MS: '500' }).deliveryIntervalMs).toBe(500);
    expect(readConfig({ PAHT_DELIVERY_INTERVAL_MS: '0' }).deliveryIntervalMs).toBe(0);
    for (const bad of ['-1', '1.5', 'soon', '30s']) expect(() => readConfig({ PAHT_DELIVERY_INTERVAL_MS: bad })).toThrow(/PAHT_DELIVERY_INTERVAL_MS/);
  });

  it('describes the database for the banner without its user or password', () => {
    const text = describeDatabase({ databaseUrl: 'postgres://paht:s3cret-pw@db.internal:5432/paht?sslmode=require', dataDir: '/x' });
    expect(text).toBe('PostgreSQL (db.internal:5432/paht)');
    expect(describeDatabase({ databaseUrl: null, dataDir: '/data/pglite' })).toBe('PGlite (/data/pglite)');
    const both = describeDatabase({ databaseUrl: 'postgres://paht:s3cret-pw@db1:5432/paht', databaseReplicaUrl: 'postgres://paht:r3plica-pw@db2:5433/paht', dataDir: '/x' });
    expect(both).toBe('PostgreSQL (db1:5432/paht), lag-tolerant reads on the replica (db2:5433/paht)');
  });

  it('takes DATABASE_REPLICA_URL only with DATABASE_URL', () => {
    expect(readConfig({}).databaseReplicaUrl).toBeNull();
    expect(readConfig({ DATABASE_URL: 'postgres://a/x', DATABASE_REPLICA_URL: ' postgres://b/x ' }).databaseReplicaUrl).toBe('postgres://b/x');
    expect(() => readConfig({ DATABASE_REPLICA_URL: 'postgres://b/x' })).toThrow(/DATABASE_REPLICA_URL needs DATABASE_URL/);
  });
});

describe('the operator token', () => {
  const token = 'o'.repeat(MIN_OPERATOR_TOKEN_LENGTH);

  it('is refused when shorter than 32 characters', () => {
    expect(() => operatorTokenCheck('short')).toThrow(/at least 32 characters/);
  });

  it('accepts exactly `Bearer <token>`', () => {
    const check = operatorTokenCheck(token);
    expect(check(`Bearer ${token}`)).toBe(true);
    expect(check(`bearer ${token}`)).toBe(true);
    for (const wrong of [undefined, '', token, `Bearer ${token}o`, `Bearer ${token.slice(1)}`, 'Bearer ', `Basic ${token}`]) expect(check(wrong)).toBe(false);
  });
});

describe('--office-hours', () => {
  it('reads the short form and JSON; the calendar rules stay the schema\'s', () => {
    expect(parseOfficeHours('1-5=07:30-11:30,13:30-17:00;6=07:30-11:30')).toEqual({
      ...Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['07:30', '11:30'], ['13:30', '17:00']]])),
      '6': [['07:30', '11:30']],
    });
    expect(parseOfficeHours('{"1": [["08:00", "17:00"]]}')).toEqual({ '1': [['08:00', '17:00']] });
    expect(() => parseOfficeHours('Mon=08:00-17:00')).toThrow(/is not like/);
    expect(() => parseOfficeHours('5-1=08:00-17:00')).toThrow(/backwards/);
    expect(() => parseOfficeHours('1=08:00')).toThrow(/not a period/);
  });
});
