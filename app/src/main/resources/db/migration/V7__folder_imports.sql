-- Bulk imports of a folder on the server (administrators): the folder, instead of an uploaded ZIP.
alter table bulk_import add column folder varchar(4000);
