-- The case history tells every event in words with who and when. Two events had no record of who: finishing a task
-- (done_by) and assigning the case (case_assignment, one row per assignment; the current assignee stays on filet_case).
alter table case_task add column done_by uuid;

create table case_assignment (
    id        bigserial   primary key,
    case_id   uuid        not null references filet_case (id),
    assignee  uuid        not null,
    by_user   uuid        not null,
    at        timestamptz not null default now()
);
create index case_assignment_case on case_assignment (case_id, at);
