-- What the OAI-PMH provider has shown of each resource, so that harvesters learn of deletions.
-- A projection of the catalogue kept after each change and reconciled at start-up. No foreign
-- key to resource: a deleted record outlives its resource (deletedRecord=persistent).
create table oai_record (
    resource_id    bigint primary key,
    -- PUBLIC: shown now; DELETED: was shown, is not any more; PRIVATE: never shown, unknown to the protocol
    state          varchar(10) not null,
    -- when what is shown last changed (a deletion is a change), in whole seconds, UTC
    datestamp      timestamp with time zone not null,
    -- setSpecs, space-separated and space-framed (' library:HN-TVHN type:BOOK '); a deleted record keeps its last
    sets           varchar(1000) not null,
    -- the exposed description (JSON) while PUBLIC, else null
    metadata       clob,
    -- the resource's updated_at when last read, so that start-up re-reads only what changed
    source_version timestamp with time zone
);
create index oai_record_by_datestamp on oai_record(datestamp, resource_id);
