/** Who may act on the platform. */
export const Role = {
  CITIZEN: 'CITIZEN',
  IOC_OPERATOR: 'IOC_OPERATOR',
  UNIT_OFFICER: 'UNIT_OFFICER',
  UNIT_LEADER: 'UNIT_LEADER',
  TENANT_ADMIN: 'TENANT_ADMIN',
  /** Provincial leaders: read everything, change nothing. */
  LEADER: 'LEADER',
  /** Scheduled jobs and imports. */
  SYSTEM: 'SYSTEM',
  /**
   * Whoever holds a signed answer link (a contractor, a commune without
   * accounts): may only draft the answer of the one report the link names.
   */
  ANSWER_LINK: 'ANSWER_LINK',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export type StaffRole = Exclude<Role, 'CITIZEN' | 'SYSTEM' | 'ANSWER_LINK'>;
/** The roles of staff accounts (everyone but citizens and scheduled jobs), in declaration order. */
export const STAFF_ROLES = Object.values(Role).filter((r): r is StaffRole => r !== Role.CITIZEN && r !== Role.SYSTEM && r !== Role.ANSWER_LINK);

/**
 * The authenticated party behind a command. A citizen is identified by the
 * report's tracking code and secret (checked before an Actor is built), so a
 * citizen actor carries the id of the one report it may act on.
 */
export type Actor =
  | { role: 'CITIZEN'; reportId: string }
  | { role: 'IOC_OPERATOR' | 'TENANT_ADMIN' | 'LEADER'; userId: string }
  | { role: 'UNIT_OFFICER' | 'UNIT_LEADER'; userId: string; unitId: string }
  | { role: 'SYSTEM'; name: string }
  | { role: 'ANSWER_LINK'; reportId: string; unitId: string; linkId: string };

export const actorId = (actor: Actor): string | null =>
  'userId' in actor ? actor.userId : null;
