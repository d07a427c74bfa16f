-- The date by which the handling unit must answer the citizen (the SLA's
-- resolution deadline), stored beside the running stage's `due_at`. Rows
-- whose running stage is already the resolution (or that are past it) take
-- `due_at`; the others get theirs at their next step.
ALTER TABLE "reports" ADD COLUMN "answer_due_at" TIMESTAMPTZ(3);
UPDATE "reports" SET "answer_due_at" = "due_at"
  WHERE "status" IN ('ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'PUBLISHED', 'CLOSED');
