-- Four-eyes on a fixed content: what a lead approves is a snapshot of the case (its reports and each report's files,
-- by SHA-256), with the digest of that content. A referral carries exactly the approved snapshots: a report or file
-- added later reaches the authority only once a second person has approved a new snapshot that holds it.
create table case_snapshot (
    id          bigserial   primary key,
    case_id     uuid        not null references filet_case (id),
    version     integer     not null,
    content     jsonb       not null,
    digest      text        not null,
    approved_by uuid        not null,
    approved_at timestamptz not null default now(),
    referred_at timestamptz,
    unique (case_id, version)
);

-- Who changed the case's content, and when: the approver of the next snapshot must be someone else.
create table case_content_change (
    id        bigserial   primary key,
    case_id   uuid        not null references filet_case (id),
    by_user   uuid        not null,
    at        timestamptz not null default now(),
    change    text        not null check (change in ('report_added', 'report_removed')),
    report_id uuid        not null
);
create index case_content_change_case on case_content_change (case_id, at);
