-- A staff account whose password was set by someone else (the first tenant
-- admin's one-time password, from `pnpm tenant:create` or the operator API)
-- must change it at its next sign-in; until then its token only allows
-- `changePassword`.
ALTER TABLE "staff_users" ADD COLUMN "password_change_required" BOOLEAN NOT NULL DEFAULT false;
