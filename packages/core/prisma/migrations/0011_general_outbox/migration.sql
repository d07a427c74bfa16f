-- The outbox carries any message, not only a citizen's notice of a report
-- event: staff e-mails, reminders and SMS are queued by other parts too.
-- A message belongs to a report when it is about one (`report_id`), to a
-- report event only when an event caused it (`event_seq`). Each message names
-- its own `dedupe_key` (e.g. `report:<id>:event:<seq>`, `report:<id>:rating-reminder:1`):
-- one row per tenant, key and channel, so a job that runs twice queues once.
ALTER TABLE "notification_outbox"
  ALTER COLUMN "report_id" DROP NOT NULL,
  ALTER COLUMN "event_seq" DROP NOT NULL,
  ADD COLUMN "dedupe_key" TEXT;
UPDATE "notification_outbox" SET "dedupe_key" = 'report:' || "report_id" || ':event:' || "event_seq";
ALTER TABLE "notification_outbox" ALTER COLUMN "dedupe_key" SET NOT NULL;
DROP INDEX "notification_outbox_report_id_event_seq_channel_key";
CREATE UNIQUE INDEX "notification_outbox_tenant_id_dedupe_key_channel_key" ON "notification_outbox"("tenant_id", "dedupe_key", "channel");
CREATE INDEX "notification_outbox_report_id_idx" ON "notification_outbox"("report_id");
