-- An upload is single-use: one attachment per stored file and tenant.
-- Enforced here so that two submissions racing with the same upload id
-- cannot both attach it (the second insert fails and is refused).
CREATE UNIQUE INDEX "attachments_tenant_id_storage_key_key" ON "attachments"("tenant_id", "storage_key");
