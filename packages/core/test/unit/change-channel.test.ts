import { describe, expect, it } from 'vitest';
import { announceTenantChanges, encodeInvalidation, parseInvalidation } from '../../src/changes/change-channel.js';

describe('the cache invalidation message', () => {
  it('round-trips a message of some keys and one for all of a tenant', () => {
    for (const message of [{ o: 'p1', t: 'tenant-a', k: ['LIST', 'TRACKER@c:QT-1'] }, { o: 'tool:x', t: 'tenant-b', k: null }]) {
      expect(parseInvalidation(encodeInvalidation(message))).toEqual(message);
    }
  });

  it('refuses anything else: not JSON, no origin or tenant, keys that are not strings, a missing key list', () => {
    for (const text of ['{', 'null', '"x"', '{"t":"a","k":[]}', '{"o":"p","k":[]}', '{"o":"p","t":"a","k":[1]}', '{"o":"p","t":"a"}', '{"o":"p","t":"a","k":"LIST"}']) {
      expect(parseInvalidation(text)).toBeNull();
    }
  });

  it('is not sent, with an error, when Redis cannot be reached (a tool reports it instead of waiting)', async () => {
    const started = Date.now();
    await expect(announceTenantChanges('redis://127.0.0.1:1', ['tenant-a'], 2_000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
