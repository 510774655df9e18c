-- Media: the PDQ hash of every picture in a report, the matches between pictures of different reports, and every
-- time a person revealed a restricted picture (who, when, why), which counts against their daily exposure budget.
create table media_hash (
    report_id   uuid        not null,
    file_sha256 char(64)    not null,
    hashed_at   timestamptz not null default now(),
    pdq         char(64),
    quality     integer,
    width       integer,
    height      integer,
    format      text,
    rejected    text,            -- why the picture could not be decoded (bomb, corrupt, unsupported), else null
    primary key (report_id, file_sha256)
);

create table media_match (
    report_id           uuid     not null,
    file_sha256         char(64) not null,
    matched_report_id   uuid     not null,
    matched_file_sha256 char(64) not null,
    distance            integer  not null,
    found_at            timestamptz not null default now(),
    primary key (report_id, file_sha256, matched_report_id, matched_file_sha256)
);

create table media_reveal (
    id          bigserial   primary key,
    user_id     uuid        not null,
    report_id   uuid        not null,
    file_sha256 char(64)    not null,
    at          timestamptz not null default now(),
    reason      text        not null
);
create index media_reveal_user_day on media_reveal (user_id, at);
