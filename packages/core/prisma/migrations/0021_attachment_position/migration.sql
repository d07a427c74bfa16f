-- Attachments keep the order they were given in. Files sent together share
-- `created_at`, so that column alone leaves their order to the plan (and a
-- row rewritten by publication moves to the end of the heap). `position` is
-- drawn from a sequence as rows are inserted (a batch in its array order);
-- every read orders by (created_at, position). Existing rows are numbered in
-- their current physical order, the order readers saw until now.
ALTER TABLE "attachments" ADD COLUMN "position" BIGSERIAL NOT NULL;
GRANT USAGE, SELECT ON SEQUENCE "attachments_position_seq" TO paht_app;
