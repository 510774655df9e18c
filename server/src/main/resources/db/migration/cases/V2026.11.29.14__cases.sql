-- Cases: reports grouped for work (from a network of linked reports, or by hand), with notes, tasks, an assignee and
-- a status flow. Four-eyes: approval needs a second person with the lead role who is not the case's author.
create table filet_case (
    id           uuid        primary key,
    organisation uuid        not null,
    number       text        not null unique,
    title        text        not null,
    status       text        not null check (status in ('new', 'triaged', 'investigating', 'ready_for_review',
                                                         'approved', 'referred', 'closed')),
    created_by   uuid        not null,
    created_at   timestamptz not null default now(),
    assigned_to  uuid,
    approved_by  uuid,
    approved_at  timestamptz,
    outcome      text
);
create index filet_case_org on filet_case (organisation, created_at desc);

create table case_report (
    case_id   uuid not null references filet_case (id),
    report_id uuid not null,
    added_by  uuid not null,
    added_at  timestamptz not null default now(),
    primary key (case_id, report_id)
);

create table case_note (
    id        bigserial   primary key,
    case_id   uuid        not null references filet_case (id),
    author    uuid        not null,
    at        timestamptz not null default now(),
    body      text        not null
);

create table case_task (
    id        bigserial   primary key,
    case_id   uuid        not null references filet_case (id),
    title     text        not null,
    assignee  uuid,
    done_at   timestamptz,
    created_by uuid       not null,
    created_at timestamptz not null default now()
);

create table case_transition (
    id        bigserial   primary key,
    case_id   uuid        not null references filet_case (id),
    from_status text      not null,
    to_status text        not null,
    by_user   uuid        not null,
    at        timestamptz not null default now(),
    note      text
);
