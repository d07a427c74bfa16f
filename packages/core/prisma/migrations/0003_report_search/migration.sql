-- Text search over reports in Vietnamese, with or without diacritics:
-- the application stores a folded copy (lower case, no tone marks, đ → d)
-- of the searchable text; queries fold the terms the same way.
ALTER TABLE "reports" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
