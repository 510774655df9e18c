-- An analyst's decision about how to read an export whose dates are ambiguous (day/month order) or whose time zone
-- is unknown, with who decided and when. The export is then parsed again under that decision (a new parse row).
create table conversation_decision (
    id          bigserial   primary key,
    report_id   uuid        not null,
    file_sha256 char(64)    not null,
    days_first  boolean,
    zone        text,
    decided_by  uuid        not null,
    decided_at  timestamptz not null default now()
);
create index conversation_decision_file on conversation_decision (report_id, file_sha256, decided_at desc);
