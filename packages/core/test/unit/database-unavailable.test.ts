import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@paht/core';

// Which failures mean "the database is away for now" (answered 503, retried
// by clients) and which are faults of their own (masked 500). The shapes are
// the ones a stopped PostgreSQL produced through Prisma 7, its pg adapter
// and node-postgres (packages/graphql-server/test/e2e/postgres-restart.test.ts).

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });

describe('isDatabaseUnavailable', () => {
  it('knows a lost or refused connection in each shape it arrives in', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(socketError('ECONNREFUSED'))).toBe(true);
    // Prisma: P1001 with the adapter's error in meta.
    const adapterError = Object.assign(new Error('DatabaseNotReachable'), { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } });
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: 'P1001', meta: { driverAdapterError: adapterError } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { cause: { kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' } }))).toBe(true);
    // PostgreSQL starting up (57P03), and a GraphQL error wrapping a driver error.
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03', severity: 'FATAL' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'wrapped', originalError: socketError('ECONNRESET') })).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { cause: { kind: 'UniqueConstraintViolation' } }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    const loop: { message: string; cause?: unknown } = { message: 'loop' };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
