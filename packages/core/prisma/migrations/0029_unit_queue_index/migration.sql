-- The unit queue (core/src/reports/unit-queue.ts): a unit's reports not yet
-- finished (status-traits.ts: REJECTED, CLOSED), nearest deadline first.
-- Before, it read every report the unit ever held through
-- reports_tenant_id_unit_id_idx, dropped the finished ones and sorted the
-- rest; with this index it reads the open ones only, already in order, and
-- stops at the queue's limit. The predicate is the statuses the queue's SQL
-- writes out as literals (FINISHED_STATUSES), so that the planner can use it.
CREATE INDEX "reports_unit_queue_idx" ON "reports" ("tenant_id", "unit_id", "due_at", "submitted_at", "id")
  WHERE "status" NOT IN ('REJECTED', 'CLOSED');
