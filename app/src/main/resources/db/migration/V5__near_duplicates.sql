-- Near-duplicates: a MinHash signature of each file's text, and the closest earlier resource with nearly the same text.
alter table resource_file add column fingerprint varchar(400);
alter table resource_file add column near_duplicate_of bigint;
alter table resource_file add column near_duplicate_similarity double precision;
