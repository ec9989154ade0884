-- A small JPEG preview per file (first page, first slide, scaled image, video frame), kept in the blob store.
alter table resource_file add column thumbnail_sha256 varchar(64);
