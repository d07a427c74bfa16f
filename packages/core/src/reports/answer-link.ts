import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import type { AttachmentInput } from './submit-input.js';
import { loadTimeline } from './report-event-rows.js';
import { baseView, withRefs } from './report-row-view.js';
import { publicTimeline, type PublicReportView } from './report-views.js';
import { partsSigned, signParts } from './signed-parts.js';
import { reportNotFound, transitionReport, type TransitionResult } from './transition-report.js';
import { linkAlreadyUsed } from './unit-queue.js';

/**
 * Answer links: a contractor or a commune without accounts answers one
 * report through a signed, expiring link a unit's staff created (audited).
 * The link is an HMAC (docs/adr/0006, `signed-parts.ts`) of the tenant, the
 * report, the unit that created it, its expiry and its id; it shows the
 * report's details without the reporter's contact and drafts the unit's
 * answer once (the unit leader approves it as any draft).
 */

const PURPOSE = 'paht/answer-link/v1';
/** Longest validity of a link: 30 days. Default 7 days. */
export const MAX_ANSWER_LINK_HOURS = 30 * 24;
export const DEFAULT_ANSWER_LINK_HOURS = 7 * 24;

/** Why a link is refused. */
export const AnswerLinkRefusal = {
  /** Not a link of ours: malformed, tampered with, or of another tenant. */
  INVALID: 'INVALID',
  EXPIRED: 'EXPIRED',
  /** A link of another report than the one named. */
  WRONG_REPORT: 'WRONG_REPORT',
  /** The link has already drafted its answer. */
  USED: 'USED',
} as const;
export type AnswerLinkRefusal = (typeof AnswerLinkRefusal)[keyof typeof AnswerLinkRefusal];

const refused = (reason: AnswerLinkRefusal): DomainError =>
  new DomainError(DomainErrorCode.ANSWER_LINK_REFUSED, `Answer link refused: ${reason}`, { reason });

interface LinkClaims {
  tenantId: string;
  reportId: string;
  unitId: string;
  /** Unix seconds. */
  expires: number;
  linkId: string;
}

const partsOf = (c: LinkClaims) => [c.tenantId, c.reportId, c.unitId, c.expires, c.linkId];

export interface AnswerLink {
  /** The token to put in the link (`…?token=`): base64url claims, a dot, the signature. */
  token: string;
  linkId: string;
  expiresAt: Date;
}

/**
 * Creates an answer link for a report the actor's unit holds (officers and
 * leaders of that unit; FORBIDDEN otherwise), valid `hours` (1 to
 * `MAX_ANSWER_LINK_HOURS`, default 7 days). Audited as `report.answer-link`
 * with the link's id and expiry (never the token).
 */
export async function createAnswerLink(ctx: CoreContext, tenantId: string, actor: Actor, reportId: string, hours = DEFAULT_ANSWER_LINK_HOURS): Promise<AnswerLink> {
  if (!isUuid(reportId)) throw reportNotFound();
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_ANSWER_LINK_HOURS) {
    throw validationError([{ path: 'hours', message: `must be a whole number from 1 to ${MAX_ANSWER_LINK_HOURS}` }]);
  }
  if (actor.role !== 'UNIT_OFFICER' && actor.role !== 'UNIT_LEADER') throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only the holding unit may create an answer link');
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, select: { id: true, unitId: true, status: true } });
    if (!report) throw reportNotFound();
    if (report.unitId !== actor.unitId) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only the holding unit may create an answer link');
    if (report.status !== 'ACCEPTED' && report.status !== 'IN_PROGRESS') {
      throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, `Cannot create an answer link for a report that is ${report.status}`, { from: report.status, action: 'DRAFT_ANSWER' });
    }
    const claims: LinkClaims = { tenantId, reportId, unitId: actor.unitId, expires: Math.floor(now.getTime() / 1000) + hours * 3600, linkId: randomUUID() };
    const signature = signParts(ctx.secretKey, PURPOSE, partsOf(claims)).toString('base64url');
    const payload = Buffer.from(JSON.stringify([claims.reportId, claims.unitId, claims.expires, claims.linkId])).toString('base64url');
    const expiresAt = new Date(claims.expires * 1000);
    await recordAudit(tx, tenantId, actor, now, {
      action: 'report.answer-link',
      subjectType: 'Report',
      subjectId: reportId,
      data: { linkId: claims.linkId, expiresAt: expiresAt.toISOString() },
    });
    return { token: `${payload}.${signature}`, linkId: claims.linkId, expiresAt };
  });
}

/** Checks a token against this tenant and report at `now`: its claims, or ANSWER_LINK_REFUSED with the reason. */
function verify(ctx: CoreContext, tenantId: string, reportId: string, token: unknown): LinkClaims {
  if (typeof token !== 'string' || token.length > 512) throw refused('INVALID');
  const [payload, signature, extra] = token.split('.');
  if (!payload || extra !== undefined) throw refused('INVALID');
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refused('INVALID');
  }
  if (!Array.isArray(fields) || fields.length !== 4) throw refused('INVALID');
  const [linkReport, unitId, expires, linkId] = fields as unknown[];
  if (!isUuid(linkReport) || !isUuid(unitId) || !isUuid(linkId) || !Number.isSafeInteger(expires)) throw refused('INVALID');
  const claims: LinkClaims = { tenantId, reportId: linkReport, unitId, expires: expires as number, linkId };
  // The tenant is signed, not carried: a link of another tenant fails here.
  if (!partsSigned(ctx.secretKey, PURPOSE, partsOf(claims), signature)) throw refused('INVALID');
  if (claims.expires * 1000 <= ctx.now().getTime()) throw refused('EXPIRED');
  if (claims.reportId !== reportId) throw refused('WRONG_REPORT');
  return claims;
}

/** What a link holder sees: the report's details and progress, never the reporter's contact, with whether the link may still answer. */
export interface AnswerLinkView {
  report: PublicReportView;
  expiresAt: Date;
  /** False once the link has drafted its answer. */
  canAnswer: boolean;
}

/** The report an answer link opens. ANSWER_LINK_REFUSED for a bad link (USED is not a refusal here: the view says `canAnswer: false`). */
export async function openAnswerLink(ctx: CoreContext, tenantId: string, reportId: unknown, token: unknown): Promise<AnswerLinkView> {
  if (!isUuid(reportId)) throw refused('WRONG_REPORT');
  const claims = verify(ctx, tenantId, reportId, token);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.report.findUnique({ where: { id: reportId }, include: withRefs });
    if (!row) throw refused('INVALID');
    const timeline = await loadTimeline(tx, row.id);
    const canAnswer = !linkAlreadyUsed(timeline, claims.linkId) && row.unitId === claims.unitId && (row.status === 'ACCEPTED' || row.status === 'IN_PROGRESS');
    return { report: { ...baseView(row, true, true), timeline: publicTimeline(timeline, 'PROGRESS_ONLY') }, expiresAt: new Date(claims.expires * 1000), canAnswer };
  }, { snapshot: true });
}

/**
 * The link holder's answer: drafted as the unit's answer (DRAFT_ANSWER by
 * the ANSWER_LINK actor, the link's id on the step), awaiting the unit
 * leader's approval. Refused (ANSWER_LINK_REFUSED) for a bad link or one
 * already used; FORBIDDEN when the unit no longer holds the report.
 */
export async function answerThroughLink(
  ctx: CoreContext,
  tenantId: string,
  reportId: unknown,
  token: unknown,
  answer: { text: string; attachments?: AttachmentInput[] },
): Promise<TransitionResult> {
  if (!isUuid(reportId)) throw refused('WRONG_REPORT');
  const claims = verify(ctx, tenantId, reportId, token);
  const actor: Actor = { role: 'ANSWER_LINK', reportId, unitId: claims.unitId, linkId: claims.linkId };
  return transitionReport(ctx, tenantId, actor, reportId, { type: 'DRAFT_ANSWER', answer: answer.text, attachments: answer.attachments });
}
