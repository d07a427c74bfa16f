import { describe, expect, it } from 'vitest';
import { targetFor, type IndicatorTargets } from '@paht/core';

// The rule of which target a figure is compared with (docs/indicators.md#targets).

const DISTRICT_A = { id: '00000000-0000-4000-8000-00000000000a', kind: 'DISTRICT' as const };
const DISTRICT_B = { id: '00000000-0000-4000-8000-00000000000b', kind: 'DISTRICT' as const };
const COMMUNE = { id: '00000000-0000-4000-8000-00000000000c', kind: 'COMMUNE' as const };

describe('targetFor', () => {
  const all: IndicatorTargets = {
    target: 5000,
    unitTarget: 10,
    unitTargets: [{ unitId: null, unitKind: 'DISTRICT', target: 40 }, { unitId: DISTRICT_B.id, unitKind: null, target: 80 }],
  };

  it('gives the tenant-wide figure the tenant-wide target only', () => {
    expect(targetFor(all, null)).toBe(5000);
    expect(targetFor({ target: null, unitTarget: 10, unitTargets: [] }, null)).toBeNull();
  });

  it('gives a unit its own target, else its kind’s, else the one of every unit', () => {
    expect(targetFor(all, DISTRICT_B)).toBe(80);
    expect(targetFor(all, DISTRICT_A)).toBe(40);
    expect(targetFor(all, COMMUNE)).toBe(10);
    expect(targetFor(all, { id: COMMUNE.id, kind: null })).toBe(10);
  });

  it('never gives a unit the tenant-wide target', () => {
    expect(targetFor({ target: 5000, unitTarget: null, unitTargets: [] }, DISTRICT_A)).toBeNull();
  });

  it('takes a target of 0 as a target', () => {
    expect(targetFor({ target: 0, unitTarget: 5, unitTargets: [{ unitId: COMMUNE.id, unitKind: null, target: 0 }] }, COMMUNE)).toBe(0);
  });
});
