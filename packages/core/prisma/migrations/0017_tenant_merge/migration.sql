-- Tenants that merge (docs/tenant-merge.md): an instance operator moves one
-- tenant's data into another in one transaction (core: merge-tenants.ts).

-- A merged tenant keeps its row (its slug now leads to the tenant it was
-- merged into); `merged_into_id` says which, `merged_at` when.
ALTER TABLE "tenants" ADD COLUMN "merged_into_id" UUID;
ALTER TABLE "tenants" ADD COLUMN "merged_at" TIMESTAMPTZ(3);

-- The tenant a moved report was submitted to, for figures per former tenant.
-- Null for a report submitted to the tenant it is in.
ALTER TABLE "reports" ADD COLUMN "former_tenant_id" UUID;
CREATE INDEX "reports_tenant_id_former_tenant_id_idx" ON "reports"("tenant_id", "former_tenant_id");

-- Moving a row to another tenant passes no tenant_isolation policy (USING
-- names the old tenant, WITH CHECK the new one). The owner (operator tasks)
-- gets a policy of its own, open only inside a transaction that set
-- app.tenant_merge = 'on' (transaction-local). The application role has no
-- such policy, so the setting gives it nothing.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format(
      'CREATE POLICY tenant_merge ON %I FOR ALL TO CURRENT_USER USING (current_setting(''app.tenant_merge'', true) = ''on'') WITH CHECK (current_setting(''app.tenant_merge'', true) = ''on'')',
      t);
  END LOOP;
END
$$;

-- The logs stay append-only; during a merge the one update allowed is a
-- change of tenant_id alone (the application role cannot update them at all).
CREATE OR REPLACE FUNCTION report_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('app.tenant_merge', true) = 'on'
     AND (to_jsonb(NEW) - 'tenant_id') = (to_jsonb(OLD) - 'tenant_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
