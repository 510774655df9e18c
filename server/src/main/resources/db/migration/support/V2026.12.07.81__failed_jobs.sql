-- A job given up after its last attempt is marked so (done_at alone cannot tell it from a job that succeeded), so that
-- administrators see it on /admin/jobs and can run it again. Each retry is recorded with who asked for it.
alter table job add column gave_up_at timestamptz;
update job set gave_up_at = done_at where done_at is not null and attempts >= 8 and last_error is not null;
create index job_gave_up on job (gave_up_at desc) where gave_up_at is not null;

create table job_retry (
    id                bigserial   primary key,
    job_id            bigint      not null references job (id),
    by_user           uuid        not null,
    at                timestamptz not null default now(),
    previous_attempts integer     not null,
    previous_error    text
);
create index job_retry_job on job_retry (job_id, at);
