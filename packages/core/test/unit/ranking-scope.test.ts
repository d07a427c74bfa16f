import { describe, expect, it } from 'vitest';
import { can, Permission, rankingScope, type Actor } from '@paht/core';

const UNIT = '00000000-0000-4000-8000-000000000001';
const user = '00000000-0000-4000-8000-0000000000aa';

describe('who may read stages and rankings (league table)', () => {
  it.each<[Actor, ReturnType<typeof rankingScope>]>([
    [{ role: 'LEADER', userId: user }, { kind: 'TENANT' }],
    [{ role: 'IOC_OPERATOR', userId: user }, { kind: 'TENANT' }],
    [{ role: 'TENANT_ADMIN', userId: user }, { kind: 'TENANT' }],
    [{ role: 'SYSTEM', name: 'monthly-report' }, { kind: 'TENANT' }],
    [{ role: 'UNIT_LEADER', userId: user, unitId: UNIT }, { kind: 'OWN_UNITS', unitId: UNIT }],
    [{ role: 'UNIT_OFFICER', userId: user, unitId: UNIT }, null],
    [{ role: 'CITIZEN', reportId: UNIT }, null],
    [{ role: 'ANSWER_LINK', reportId: UNIT, unitId: UNIT, linkId: user }, null],
  ])('%j reads %j', (actor, scope) => {
    expect(rankingScope(actor)).toEqual(scope);
  });

  it('is declared as permissions: the whole tenant and one’s own units are granted apart, and both need KPI access', () => {
    const roles: Actor[] = [
      { role: 'LEADER', userId: user },
      { role: 'UNIT_LEADER', userId: user, unitId: UNIT },
      { role: 'UNIT_OFFICER', userId: user, unitId: UNIT },
    ];
    for (const actor of roles) {
      const tenant = can(actor, Permission.KPI_RANKINGS_READ);
      const own = can(actor, Permission.KPI_RANKINGS_READ_OWN_UNITS);
      expect(tenant && own, actor.role).toBe(false);
      if (tenant || own) expect(can(actor, Permission.KPI_READ), actor.role).toBe(true);
    }
  });
});
