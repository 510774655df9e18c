-- Jobs: work that follows a committed change (parse a report's exports, score it…), in PostgreSQL so that several
-- server nodes can share it (FOR UPDATE SKIP LOCKED) and a crash loses none: a job is inserted in the transaction of
-- the change that calls for it, and marked done by the transaction that did it.
create table job (
    id         bigserial   primary key,
    kind       text        not null,
    subject    text        not null,
    created_at timestamptz not null default now(),
    run_after  timestamptz not null default now(),
    attempts   integer     not null default 0,
    last_error text,
    done_at    timestamptz
);
create index job_todo on job (run_after, id) where done_at is null;
