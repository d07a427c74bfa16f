import { builder } from '../builder.js';
import { COMMAND_ERRORS } from '../errors/expected-errors.js';
import { publishing } from '../live/publish-change.js';
import { asCitizen as applyAsCitizen, ReportTransition } from './report-transition.js';
import { recordsPublicChanges } from '../cache/public-facets.js';

/** Every step below is published to live subscribers once it has committed. */
const asCitizen = publishing(applyAsCitizen);

// The steps the citizen takes, authorised by the report's tracking code and
// secret (no account). A wrong pair answers ForbiddenError.

const citizenStep = { type: ReportTransition, errors: { types: COMMAND_ERRORS }, extensions: recordsPublicChanges } as const;

builder.mutationFields((t) => {
  const credentials = {
    trackingCode: t.arg.string({ required: true }),
    secret: t.arg.string({ required: true, description: 'The secret given at submission.' }),
  };
  return {
    provideInfo: t.field({
      ...citizenStep,
      description: 'Answer the unit’s question (restarts the clock).',
      args: { ...credentials, reason: t.arg.string({ required: true, description: 'The answer.' }) },
      resolve: (_r, a, ctx) => asCitizen(ctx, a.trackingCode, a.secret, { type: 'PROVIDE_INFO', reason: a.reason }),
    }),
    rateReport: t.field({
      ...citizenStep,
      description: 'Rate the published answer from 1 to 5; closes the report.',
      args: { ...credentials, rating: t.arg.int({ required: true }), comment: t.arg.string() },
      resolve: (_r, a, ctx) => asCitizen(ctx, a.trackingCode, a.secret, { type: 'RATE', rating: a.rating, comment: a.comment }),
    }),
    reopenReport: t.field({
      ...citizenStep,
      description: 'Not satisfied: send the report back to the unit, with a reason.',
      args: { ...credentials, reason: t.arg.string({ required: true }), rating: t.arg.int() },
      resolve: (_r, a, ctx) => asCitizen(ctx, a.trackingCode, a.secret, { type: 'REOPEN', reason: a.reason, rating: a.rating }),
    }),
  };
});
