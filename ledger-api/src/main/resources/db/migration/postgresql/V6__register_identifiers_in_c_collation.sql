-- The registers' identifiers and codes compare byte by byte (COLLATE "C") on PostgreSQL, as the read models' do:
-- machine-made, read in no language's order, and joined with the read models' columns, so a
-- join never compares two collations. H2 compares strings by code point already.
ALTER TABLE branch ALTER COLUMN code TYPE VARCHAR(32) COLLATE "C", ALTER COLUMN parent_code TYPE VARCHAR(32) COLLATE "C",
    ALTER COLUMN lineage TYPE VARCHAR(2048) COLLATE "C";
ALTER TABLE branch_officer ALTER COLUMN officer_id TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN branch_code TYPE VARCHAR(32) COLLATE "C";
ALTER TABLE certificate_holder ALTER COLUMN learner_number TYPE CHAR(18) COLLATE "C",
    ALTER COLUMN achievement_id TYPE VARCHAR(64) COLLATE "C";
