-- Runs before every migration on PostgreSQL. PostgreSQL has no CLOB type; the migrations were
-- first written for H2 and say "clob" (V1, V11), and their H2 text cannot change (Flyway checks
-- it). A domain named clob over text makes the same words mean PostgreSQL's unbounded text.
do $$
begin
    if not exists (select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace
                   where t.typname = 'clob' and n.nspname = current_schema()) then
        create domain clob as text;
    end if;
end
$$;
