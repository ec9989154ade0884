-- A resource imported from an exchange package (a ZIP another instance exported, carried on a USB stick)
-- keeps where it came from: the exporting instance and library, and when the package was made. All null
-- for material uploaded here. Portable SQL: H2 and PostgreSQL.
alter table resource add column origin_instance varchar(255);
alter table resource add column origin_library varchar(255);
alter table resource add column origin_packaged_at timestamp with time zone;
