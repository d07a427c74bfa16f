-- Tables, types and indexes; must match prisma/schema.prisma exactly
-- (test/integration/schema-drift.test.ts).

CREATE TYPE "TenantKind" AS ENUM ('PROVINCE', 'CITY');
CREATE TYPE "UnitKind" AS ENUM ('IOC', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'AGENCY');
CREATE TYPE "FocalRole" AS ENUM ('LEADER', 'STAFF');
CREATE TYPE "SlaClock" AS ENUM ('WORKING', 'CALENDAR');
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_DAY');
CREATE TYPE "StaffRole" AS ENUM ('IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_LEADER', 'TENANT_ADMIN', 'LEADER');
CREATE TYPE "ReportStatus" AS ENUM ('SUBMITTED', 'CLASSIFIED', 'REJECTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'PUBLISHED', 'CLOSED');
CREATE TYPE "Channel" AS ENUM ('APP', 'WEB', 'FANPAGE', 'ZALO', 'EMAIL', 'HOTLINE_1022', 'AI_CALL_CENTRE', 'OPEN311');
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');
CREATE TYPE "AttachmentKind" AS ENUM ('PHOTO', 'VIDEO', 'DOCUMENT');

CREATE TABLE "tenants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" "TenantKind" NOT NULL,
    "province_code" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "working_hours" JSONB NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

CREATE TABLE "calendar_days" (
    "tenant_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("tenant_id", "date")
);

CREATE TABLE "units" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "parent_id" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "kind" "UnitKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "units_tenant_id_code_key" ON "units"("tenant_id", "code");
CREATE INDEX "units_tenant_id_parent_id_idx" ON "units"("tenant_id", "parent_id");

CREATE TABLE "focal_points" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "role" "FocalRole" NOT NULL,
    "full_name" TEXT NOT NULL,
    "title" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    CONSTRAINT "focal_points_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "focal_points_tenant_id_unit_id_role_idx" ON "focal_points"("tenant_id", "unit_id", "role");

CREATE TABLE "sla_policies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clock" "SlaClock" NOT NULL,
    "classify_minutes" INTEGER NOT NULL,
    "accept_minutes" INTEGER NOT NULL,
    "resolve_minutes" INTEGER NOT NULL,
    "warn_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sla_policies_tenant_id_code_key" ON "sla_policies"("tenant_id", "code");

CREATE TABLE "categories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "default_unit_id" UUID,
    "sla_policy_id" UUID NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "categories_tenant_id_code_key" ON "categories"("tenant_id", "code");

CREATE TABLE "staff_users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "unit_id" UUID,
    "password_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_users_tenant_id_email_key" ON "staff_users"("tenant_id", "email");

CREATE TABLE "reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category_id" UUID,
    "unit_id" UUID,
    "status" "ReportStatus" NOT NULL,
    "channel" "Channel" NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "address" TEXT,
    "area_code" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "resolved_on_time" BOOLEAN,
    "answer" TEXT,
    "rating" INTEGER,
    "rating_comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "reports_tracking_code_key" ON "reports"("tracking_code");
CREATE UNIQUE INDEX "reports_tenant_id_idempotency_key_key" ON "reports"("tenant_id", "idempotency_key");
CREATE INDEX "reports_tenant_id_status_idx" ON "reports"("tenant_id", "status");
CREATE INDEX "reports_tenant_id_submitted_at_idx" ON "reports"("tenant_id", "submitted_at");
CREATE INDEX "reports_tenant_id_unit_id_idx" ON "reports"("tenant_id", "unit_id");
CREATE INDEX "reports_tenant_id_category_id_idx" ON "reports"("tenant_id", "category_id");

CREATE TABLE "reporter_contacts" (
    "report_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "full_name" TEXT,
    "phone" TEXT,
    "email" TEXT,
    CONSTRAINT "reporter_contacts_pkey" PRIMARY KEY ("report_id")
);

CREATE TABLE "report_events" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "from_status" "ReportStatus",
    "to_status" "ReportStatus" NOT NULL,
    "actor_id" UUID,
    "actor_role" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "report_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_events_report_id_seq_key" ON "report_events"("report_id", "seq");
CREATE INDEX "report_events_tenant_id_at_idx" ON "report_events"("tenant_id", "at");

CREATE TABLE "attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "event_seq" INTEGER,
    "kind" "AttachmentKind" NOT NULL,
    "mime_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "is_public" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "attachments_tenant_id_report_id_idx" ON "attachments"("tenant_id", "report_id");

ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "focal_points" ADD CONSTRAINT "focal_points_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "focal_points" ADD CONSTRAINT "focal_points_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "categories" ADD CONSTRAINT "categories_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "categories" ADD CONSTRAINT "categories_default_unit_id_fkey" FOREIGN KEY ("default_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "categories" ADD CONSTRAINT "categories_sla_policy_id_fkey" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reporter_contacts" ADD CONSTRAINT "reporter_contacts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reporter_contacts" ADD CONSTRAINT "reporter_contacts_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
