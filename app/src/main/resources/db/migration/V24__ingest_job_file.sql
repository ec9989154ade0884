-- A file stored again (a teacher replacing the file of a submission) ends the jobs still reading its old
-- bytes: every stored file asks for them by file, so they are found by an index, not a scan.
create index ingest_job_file on ingest_job(file_id);
