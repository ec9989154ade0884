-- How much each resource is used, per day: views of its page and downloads of its files.
-- Feeds the "popular" sort and, later, the librarians' statistics (use over time).
create table resource_usage (
    resource_id bigint not null references resource(id) on delete cascade,
    used_on date   not null,
    views       bigint not null default 0,
    downloads   bigint not null default 0,
    primary key (resource_id, used_on)
);
create index resource_usage_by_day on resource_usage(used_on);
