-- Who changed the tenant's configuration, when, and how. (Report actions are
-- in report_events; this log holds everything else staff do.) Append-only.
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "actor_id" UUID,
    "actor_role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_entries_tenant_id_at_idx" ON "audit_entries"("tenant_id", "at");
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT ON "audit_entries" TO paht_app;
GRANT USAGE, SELECT ON SEQUENCE "audit_entries_id_seq" TO paht_app;
ALTER TABLE "audit_entries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entries"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- One append-only guard for every log table, naming the table it guards.
CREATE OR REPLACE FUNCTION report_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();
