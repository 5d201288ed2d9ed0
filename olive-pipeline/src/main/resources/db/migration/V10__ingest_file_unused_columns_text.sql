-- Issue 11: a file with many unknown columns (about 60 Chinese headers) overflowed VARCHAR(1000) and rolled back
-- the whole month. Unknown columns are reported and ignored; their list is unbounded text.
ALTER TABLE ingest_file ALTER COLUMN unused_columns SET DATA TYPE TEXT;
