-- Conversations: the parse of each chat export, a derived artefact stored in the evidence store (JSON Lines, one
-- conversation per line) and linked by hash to the untouched original. A newer parser version parses again.
create table conversation_parse (
    report_id      uuid        not null,
    file_sha256    char(64)    not null,
    parser         text        not null,
    parsed_at      timestamptz not null default now(),
    outcome        text        not null check (outcome in ('parsed', 'partial', 'refused')),
    parse_sha256   char(64),
    conversations  integer     not null default 0,
    messages       integer     not null default 0,
    formats        text[]      not null default '{}',
    missing        text[]      not null default '{}',
    warnings       text[]      not null default '{}',
    refusals       text[]      not null default '{}',
    primary key (report_id, file_sha256, parser)
);
