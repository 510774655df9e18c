-- Intake: reports as received, exactly as the reporter gave them.

create table report (
    id               uuid        primary key,
    receipt          text        not null unique,
    access_code_hash char(64)    not null,
    organisation     uuid        not null,
    received_at      timestamptz not null,
    channel          text        not null check (channel in ('form', 'api')),
    reporter_role    text        not null,
    reporter_language text       not null,
    reporter_contact text,
    child_age        integer,
    child_country    text,
    platform         text,
    description      text,
    immediate_danger boolean     not null default false,
    status           text        not null default 'received',
    submission_sha256 char(64)   not null,
    submission       bytea       not null -- the exact bytes received (JSON), hashed by submission_sha256
);
create index report_queue on report (organisation, immediate_danger desc, received_at desc);

create table report_message (
    report_id  uuid    not null references report (id),
    position   integer not null,
    sent_at    text,
    from_role  text,
    sender     text,
    body       text    not null,
    primary key (report_id, position)
);

create table report_account (
    report_id    uuid    not null references report (id),
    position     integer not null,
    platform     text,
    handle       text,
    url          text,
    display_name text,
    primary key (report_id, position)
);

create table report_contact (
    report_id  uuid    not null references report (id),
    position   integer not null,
    kind       text    not null check (kind in ('phone', 'email')),
    value      text    not null,
    primary key (report_id, position)
);

create table report_file (
    report_id     uuid        not null references report (id),
    position      integer     not null,
    sha256        char(64)    not null,
    size          bigint      not null,
    original_name text,
    declared_type text,
    media_type    text        not null,
    type_mismatch boolean     not null default false,
    received_at   timestamptz not null,
    primary key (report_id, position)
);
create index report_file_sha256 on report_file (sha256);

create table report_view (
    report_id  uuid        not null references report (id),
    user_id    uuid        not null,
    viewed_at  timestamptz not null default clock_timestamp()
);
create index report_view_report on report_view (report_id, viewed_at);
