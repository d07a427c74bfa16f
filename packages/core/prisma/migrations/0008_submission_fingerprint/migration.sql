-- The fingerprint of the submission that used a report's idempotency key
-- (an HMAC of the tenant, the submitter and the normalised input): a replay
-- of the key must match it, or it is refused. Reports filed before have none,
-- so a replay of their keys is refused too: it cannot be told from a stranger's.
ALTER TABLE "reports" ADD COLUMN "submission_fingerprint" TEXT;
