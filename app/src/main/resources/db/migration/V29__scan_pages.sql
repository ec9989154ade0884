-- A scanned PDF is read page by page by OCR, spread over the workers; its job says how far it has come
-- (the queue page and the API show it), since a long scan takes minutes.
alter table ingest_job add column pages_done integer;
alter table ingest_job add column pages_total integer;
