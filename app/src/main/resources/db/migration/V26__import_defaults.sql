-- What a bulk import says of all its files at once (licence, type, visibility), for the files its
-- metadata.csv does not describe; kept with the import so that an import resumed after a restart
-- applies them too.
alter table bulk_import add column default_licence varchar(40);
alter table bulk_import add column default_material_type varchar(20);
alter table bulk_import add column default_visibility varchar(20);
