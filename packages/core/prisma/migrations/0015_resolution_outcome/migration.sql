-- How the unit's latest answer ends the report: FIXED (resolved), or
-- NOT_FIXED ("closed – not fixed": the unit cannot or will not act, and says
-- why), which the KPIs count as its own outcome, never as resolved. Null
-- while the report has no answer (not yet answered, rejected, or reopened).
-- A cache of the timeline like the other derived columns: the RESOLVE
-- event's `data.outcome` (absent = FIXED) is the truth.
CREATE TYPE "ResolutionOutcome" AS ENUM ('FIXED', 'NOT_FIXED');
ALTER TABLE "reports" ADD COLUMN "resolution_outcome" "ResolutionOutcome";
UPDATE "reports" SET "resolution_outcome" = 'FIXED' WHERE "status" IN ('RESOLVED', 'PUBLISHED', 'CLOSED');

-- The KPIs ask, for each report of a period, whether its timeline has a
-- CLASSIFY, RETURN or REOPEN step. Row-level security adds the tenant to
-- every probe; with the tenant beside the report (and the type) in one index,
-- each probe is one index range instead of a bitmap AND with all of the
-- tenant's events.
CREATE INDEX "report_events_tenant_id_report_id_type_idx" ON "report_events"("tenant_id", "report_id", "type");
