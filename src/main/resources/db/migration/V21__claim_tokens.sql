-- A claim of an ingestion job is its node and a token drawn afresh at each claim: the claimant's
-- later changes (keep, finish, fail) are conditional on both, so a node whose lease ran out and whose
-- job was claimed again cannot overwrite the new claimant's outcome. Portable SQL: H2 and PostgreSQL.
alter table ingest_job add column claim_token varchar(36);
