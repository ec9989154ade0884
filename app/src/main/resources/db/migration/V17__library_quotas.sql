-- issue 8: an optional storage quota per library, in bytes (null: no quota)
alter table library add column quota_bytes bigint;
