-- Several nodes on one job table (issue 7): the node that claimed a job, and how long its claim
-- holds unless that node's heartbeat extends it. A job whose lease ran out (its node died) is
-- claimed again by another node. Portable SQL: H2 and PostgreSQL.
alter table ingest_job add column claimed_node varchar(200);
alter table ingest_job add column lease_until timestamp with time zone;
create index ingest_job_lease on ingest_job(status, lease_until);
-- the change feed that nodes with their own embedded search index follow (resources changed since …)
create index resource_updated_at on resource(updated_at);
