import { describe, expect, it } from 'vitest';
import { checkExportRequest, isDomainError, type Actor } from '@paht/core';

const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER_UNIT = '00000000-0000-4000-8000-000000000002';
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

const operator: Actor = { role: 'IOC_OPERATOR', userId: crypto.randomUUID() };
const officer: Actor = { role: 'UNIT_OFFICER', userId: crypto.randomUUID(), unitId: UNIT };
const citizen: Actor = { role: 'CITIZEN', reportId: UNIT };
const job: Actor = { role: 'SYSTEM', name: 'x' };

function failure(fn: () => unknown): { code: string; paths: string[] } {
  try {
    fn();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, paths: (error.details.fields ?? []).map((f) => f.path) };
  }
  throw new Error('expected a refusal');
}

describe('checkExportRequest', () => {
  it('narrows a unit’s staff to their own unit, and leaves the IOC the whole tenant', () => {
    expect(checkExportRequest(officer, 'REPORTS', 'CSV', PERIOD).filters.unitId).toBe(UNIT);
    expect(checkExportRequest(operator, 'REPORTS', 'CSV', PERIOD).filters.unitId).toBeNull();
    expect(checkExportRequest(operator, 'REPORTS', 'XLSX', { ...PERIOD, unitId: OTHER_UNIT }).filters.unitId).toBe(OTHER_UNIT);
  });

  it('keeps a tenant id to filter by the tenant reports were submitted to (checked against the directory when read)', () => {
    expect(checkExportRequest(operator, 'KPIS', 'CSV', { ...PERIOD, formerTenantId: OTHER_UNIT, groupBy: 'FORMER_TENANT' }).filters).toMatchObject({ formerTenantId: OTHER_UNIT, groupBy: 'FORMER_TENANT' });
    expect(checkExportRequest(operator, 'KPIS', 'CSV', PERIOD).filters.formerTenantId).toBeNull();
  });

  it.each<[string, Actor, Parameters<typeof checkExportRequest>[1], Record<string, string>]>([
    ['a citizen', citizen, 'REPORTS', {}],
    ['a scheduled job', job, 'REPORTS', {}],
    ['an officer asking for another unit', officer, 'REPORTS', { unitId: OTHER_UNIT }],
    ['an officer asking for the per-unit KPI table', officer, 'KPIS', { groupBy: 'UNIT' }],
  ])('refuses %s', (_name, actor, kind, extra) => {
    expect(failure(() => checkExportRequest(actor, kind, 'CSV', { ...PERIOD, ...extra })).code).toBe('FORBIDDEN');
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-31' }, ['filters.from']],
    [{ from: '2026-03-31', to: '2026-03-01' }, ['filters.to']],
    [{ ...PERIOD, status: 'LOST' }, ['filters.status']],
    [{ ...PERIOD, unitId: 'roads' }, ['filters.unitId']],
    [{ ...PERIOD, groupBy: 'HOUR' }, ['filters.groupBy']],
    [{ ...PERIOD, formerTenantId: 'quang-tri' }, ['filters.formerTenantId']],
    [{ ...PERIOD, colour: 'red' }, ['filters.colour']],
    [{}, ['filters.from', 'filters.to']],
  ])('refuses the filters %j naming %j', (filters, paths) => {
    expect(failure(() => checkExportRequest(operator, 'REPORTS', 'CSV', filters))).toEqual({ code: 'VALIDATION', paths });
  });

  it('refuses an unknown kind or format', () => {
    expect(failure(() => checkExportRequest(operator, 'PEOPLE', 'PDF', PERIOD)).paths).toEqual(['kind', 'format']);
  });
});
