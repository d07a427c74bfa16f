import { describe, expect, it } from 'vitest';
import { DomainError, REPORT_STATUSES, decideTransition, availableCommands, type Actor, type ReportCommand, type ReportStatus } from '@paht/core';

const REPORT = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const OTHER_UNIT = '33333333-3333-4333-8333-333333333333';
const CATEGORY = '44444444-4444-4444-8444-444444444444';

const operator: Actor = { role: 'IOC_OPERATOR', userId: 'op' };
const officer: Actor = { role: 'UNIT_OFFICER', userId: 'of', unitId: UNIT };
const unitLeader: Actor = { role: 'UNIT_LEADER', userId: 'ul', unitId: UNIT };
const citizen: Actor = { role: 'CITIZEN', reportId: REPORT };

/** The lifecycle written out by hand: [command, actor, from, to]. Everything else is illegal. */
const LEGAL: Array<[ReportCommand, Actor, ReportStatus, ReportStatus]> = [
  [{ type: 'CLASSIFY', categoryId: CATEGORY }, operator, 'SUBMITTED', 'CLASSIFIED'],
  [{ type: 'REJECT', rejection: 'SPAM', reason: 'Quảng cáo' }, operator, 'SUBMITTED', 'REJECTED'],
  [{ type: 'REJECT', rejection: 'DUPLICATE', reason: 'Trùng' }, operator, 'CLASSIFIED', 'REJECTED'],
  [{ type: 'ASSIGN', unitId: UNIT }, operator, 'CLASSIFIED', 'ASSIGNED'],
  [{ type: 'ACCEPT' }, officer, 'ASSIGNED', 'ACCEPTED'],
  [{ type: 'RETURN', reason: 'Không thuộc thẩm quyền' }, officer, 'ASSIGNED', 'CLASSIFIED'],
  [{ type: 'START' }, officer, 'ACCEPTED', 'IN_PROGRESS'],
  [{ type: 'EXTEND', extensionMinutes: 450, reason: 'Chờ vật tư' }, unitLeader, 'ACCEPTED', 'ACCEPTED'],
  [{ type: 'EXTEND', extensionMinutes: 450, reason: 'Chờ vật tư' }, unitLeader, 'IN_PROGRESS', 'IN_PROGRESS'],
  [{ type: 'EXTEND', extensionMinutes: 450, reason: 'Chờ vật tư' }, unitLeader, 'WAITING_FOR_CITIZEN', 'WAITING_FOR_CITIZEN'],
  [{ type: 'REQUEST_INFO', reason: 'Xin thêm ảnh' }, officer, 'ACCEPTED', 'WAITING_FOR_CITIZEN'],
  [{ type: 'REQUEST_INFO', reason: 'Xin thêm ảnh' }, officer, 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'],
  [{ type: 'PROVIDE_INFO', reason: 'Đã gửi ảnh' }, citizen, 'WAITING_FOR_CITIZEN', 'IN_PROGRESS'],
  [{ type: 'RESOLVE', answer: 'Đã xử lý' }, officer, 'ACCEPTED', 'RESOLVED'],
  [{ type: 'RESOLVE', answer: 'Đã xử lý' }, officer, 'IN_PROGRESS', 'RESOLVED'],
  [{ type: 'PUBLISH' }, operator, 'RESOLVED', 'PUBLISHED'],
  [{ type: 'RATE', rating: 4 }, citizen, 'PUBLISHED', 'CLOSED'],
  [{ type: 'REOPEN', reason: 'Chưa xử lý triệt để' }, citizen, 'PUBLISHED', 'IN_PROGRESS'],
  [{ type: 'CLOSE' }, operator, 'PUBLISHED', 'CLOSED'],
];

const subject = (status: ReportStatus, unitId: string | null = UNIT) => ({ id: REPORT, status, unitId });
const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
};

describe('the report state machine', () => {
  it.each(LEGAL)('%j by %j moves %s → %s', (command, actor, from, to) => {
    expect(decideTransition(subject(from), actor, command)).toMatchObject({ fromStatus: from, toStatus: to });
  });

  const commands = [...new Map(LEGAL.map(([c, a]) => [c.type, [c, a] as const])).values()];
  const illegal = commands.flatMap(([command, actor]) =>
    REPORT_STATUSES.filter((s) => !LEGAL.some(([c, , from]) => c.type === command.type && from === s)).map((s) => [command.type, s, command, actor] as const),
  );
  it.each(illegal)('refuses %s from %s as an illegal transition', (_type, status, command, actor) => {
    expect(codeOf(() => decideTransition(subject(status), actor, command))).toBe('ILLEGAL_TRANSITION');
  });

  it('checks the role before the state, so a stranger learns nothing about the state', () => {
    expect(codeOf(() => decideTransition(subject('CLOSED'), officer, { type: 'CLASSIFY', categoryId: CATEGORY }))).toBe('FORBIDDEN');
  });

  it('lets only the assigned unit act on a report', () => {
    expect(codeOf(() => decideTransition(subject('ASSIGNED', OTHER_UNIT), officer, { type: 'ACCEPT' }))).toBe('FORBIDDEN');
  });

  it('lets an officer, but not only a leader, answer; extensions need the unit leader or the IOC', () => {
    expect(codeOf(() => decideTransition(subject('IN_PROGRESS'), officer, { type: 'EXTEND', extensionMinutes: 60, reason: 'x' }))).toBe('FORBIDDEN');
    expect(codeOf(() => decideTransition(subject('IN_PROGRESS'), operator, { type: 'EXTEND', extensionMinutes: 60, reason: 'x' }))).toBeNull();
  });

  it.each([
    [{ type: 'EXTEND', extensionMinutes: 0, reason: 'x' }, 'IN_PROGRESS'],
    [{ type: 'EXTEND', extensionMinutes: 60, reason: ' ' }, 'IN_PROGRESS'],
    [{ type: 'EXTEND', extensionMinutes: 1.5, reason: 'x' }, 'IN_PROGRESS'],
    [{ type: 'RESOLVE', answer: '' }, 'IN_PROGRESS'],
    [{ type: 'RETURN', reason: '' }, 'ASSIGNED'],
  ] as Array<[ReportCommand, ReportStatus]>)('refuses incomplete input %j', (command, status) => {
    expect(codeOf(() => decideTransition(subject(status), command.type === 'EXTEND' ? unitLeader : officer, command))).toBe('VALIDATION');
  });

  it.each([0, 6, 3.5])('refuses a rating of %s', (rating) => {
    expect(codeOf(() => decideTransition(subject('PUBLISHED'), citizen, { type: 'RATE', rating }))).toBe('VALIDATION');
  });

  it('lists what an actor can do next', () => {
    expect(availableCommands(subject('ASSIGNED'), officer).sort()).toEqual(['ACCEPT', 'RETURN']);
    expect(availableCommands(subject('ASSIGNED', OTHER_UNIT), officer)).toEqual([]);
    expect(availableCommands(subject('PUBLISHED'), citizen).sort()).toEqual(['RATE', 'REOPEN']);
    expect(availableCommands(subject('PUBLISHED'), { role: 'LEADER', userId: 'l' })).toEqual([]);
  });
});
