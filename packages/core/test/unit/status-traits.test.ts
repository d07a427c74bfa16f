import { describe, expect, it } from 'vitest';
import {
  FINISHED_STATUSES,
  REPORT_STATUSES,
  ReportStatus,
  Role,
  SLA_RUNNING_STATUSES,
  STAFF_ROLES,
  STATUS_TRAITS,
  TRANSITIONS,
  UNLISTED_STATUSES,
} from '@paht/core';
import { ReportStatus as DbReportStatus, StaffRole as DbStaffRole } from '../../src/generated/prisma/enums.js';

// Statuses and roles are declared once in core; the database enums, the
// trait table and every list derived from it must cover exactly them.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesMatchDatabase: Same<ReportStatus, DbReportStatus> = true;
const staffRolesMatchDatabase: Same<(typeof STAFF_ROLES)[number], DbStaffRole> = true;

describe('report statuses, declared once', () => {
  it('are the database enum, value for value', () => {
    expect(statusesMatchDatabase && staffRolesMatchDatabase).toBe(true);
    expect([...REPORT_STATUSES].sort()).toEqual(Object.values(DbReportStatus).sort());
    expect([...STAFF_ROLES].sort()).toEqual(Object.values(DbStaffRole).sort());
  });

  it('each have one row of traits, and no row is for an unknown status', () => {
    expect(Object.keys(STATUS_TRAITS).sort()).toEqual([...REPORT_STATUSES].sort());
  });

  it('derive the lists the queries use', () => {
    expect(UNLISTED_STATUSES).toEqual([ReportStatus.SUBMITTED, ReportStatus.REJECTED]);
    expect(FINISHED_STATUSES).toEqual([ReportStatus.REJECTED, ReportStatus.CLOSED]);
    expect(SLA_RUNNING_STATUSES).toEqual(['SUBMITTED', 'CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN']);
  });

  it('are each reachable through the transition table, and each unfinished one can be left', () => {
    const reachable = new Set<string>([ReportStatus.SUBMITTED, ...Object.values(TRANSITIONS).flatMap((r) => (r.to ? [r.to] : []))]);
    const leavable = new Set(Object.values(TRANSITIONS).filter((r) => r.to !== null).flatMap((r) => r.from));
    for (const status of REPORT_STATUSES) {
      expect(reachable.has(status), `${status} is reachable`).toBe(true);
      if (!STATUS_TRAITS[status].finished) expect(leavable.has(status), `${status} can be left`).toBe(true);
    }
  });

  it('give staff every role but the citizen, scheduled jobs and answer links', () => {
    expect(STAFF_ROLES).toEqual(Object.values(Role).filter((r) => r !== 'CITIZEN' && r !== 'SYSTEM' && r !== 'ANSWER_LINK'));
    expect(STAFF_ROLES).not.toContain('ANSWER_LINK');
  });
});
