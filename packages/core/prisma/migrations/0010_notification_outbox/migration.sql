-- Messages to citizens (e-mail today), written in the same transaction as
-- the report event that causes them and sent later by a worker: a refused or
-- slow mail server never blocks or undoes a transition. One row per report
-- event and channel. `last_error` never holds the recipient's address.
CREATE TABLE "notification_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "event_seq" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_outbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_outbox_report_id_event_seq_channel_key" ON "notification_outbox"("report_id", "event_seq", "channel");
CREATE INDEX "notification_outbox_tenant_id_next_attempt_at_idx" ON "notification_outbox"("tenant_id", "next_attempt_at");
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE ON "notification_outbox" TO paht_app;
ALTER TABLE "notification_outbox" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_outbox" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_outbox"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
