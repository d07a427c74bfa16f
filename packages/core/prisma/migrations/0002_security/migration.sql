-- Row-level security, the application role, and the append-only timeline.
-- Prisma cannot express any of this, so it lives only here.

-- The application runs every tenant transaction as this role
-- (`SET LOCAL ROLE paht_app`): not the owner, not a superuser, no BYPASSRLS,
-- so the policies below always apply.
-- Roles are shared by every database of a cluster: tolerate a role that
-- exists already (another database, or a concurrent migration).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'paht_app') THEN
    CREATE ROLE paht_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'paht_app', 'MEMBER') THEN
    EXECUTE format('GRANT paht_app TO %I', current_user);
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO paht_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "calendar_days", "units", "focal_points", "sla_policies", "categories",
  "staff_users", "reports", "reporter_contacts", "attachments"
  TO paht_app;
GRANT SELECT, INSERT ON "report_events" TO paht_app;
GRANT SELECT, UPDATE ON "tenants" TO paht_app;
GRANT USAGE, SELECT ON SEQUENCE "report_events_id_seq" TO paht_app;

-- The tenant of the current transaction, or NULL outside one.
-- current_setting(..., true) is '' (not NULL) after a local setting ends.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Every tenant-owned table: rows of the current tenant only, for reads and writes.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['calendar_days', 'units', 'focal_points', 'sla_policies', 'categories',
                           'staff_users', 'reports', 'reporter_contacts', 'report_events', 'attachments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t);
  END LOOP;
END
$$;

-- The tenant directory is readable by all (tenant resolution from a host or
-- slug); a tenant may update only its own row.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_directory_read ON "tenants" FOR SELECT USING (true);
CREATE POLICY tenant_self_update ON "tenants" FOR UPDATE
  USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());
-- FORCE applies to the owner too: give the owner (migrations, provisioning of
-- tenants) an explicit policy.
CREATE POLICY tenant_owner_all ON "tenants" FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);

-- The timeline is append-only, for everyone including the owner.
CREATE FUNCTION report_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER report_events_no_update BEFORE UPDATE ON "report_events"
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();
CREATE TRIGGER report_events_no_delete BEFORE DELETE ON "report_events"
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();

-- At most one current focal point per unit and role.
CREATE UNIQUE INDEX "focal_points_one_current" ON "focal_points"("unit_id", "role") WHERE "valid_to" IS NULL;
