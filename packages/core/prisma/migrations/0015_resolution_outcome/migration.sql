-- How the unit's latest answer ends the report: FIXED (resolved), or
-- NOT_FIXED ("closed – not fixed": the unit cannot or will not act, and says
-- why), which the KPIs count as its own outcome, never as resolved. Null
-- while the report has no answer (not yet answered, rejected, or reopened).
-- A cache of the timeline like the other derived columns: the RESOLVE
-- event's `data.outcome` (absent = FIXED) is the truth.
CREATE TYPE "ResolutionOutcome" AS ENUM ('FIXED', 'NOT_FIXED');
ALTER TABLE "reports" ADD COLUMN "resolution_outcome" "ResolutionOutcome";
UPDATE "reports" SET "resolution_outcome" = 'FIXED' WHERE "status" IN ('RESOLVED', 'PUBLISHED', 'CLOSED');
