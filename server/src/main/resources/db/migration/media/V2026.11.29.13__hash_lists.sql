-- Hash lists of known material (ThreatExchange/HMA PDQ CSV, Project VIC VICS JSON, plain MD5/SHA-1/SHA-256 lists):
-- each with its owner, version and category, and how many reviewers confirmed its entries. A report picture that
-- matches a list entry is never shown, not even blurred: its category is.
create table hash_list (
    id          bigserial   primary key,
    name        text        not null,
    owner       text        not null,
    version     text        not null,
    category    text        not null,
    reviewers   integer     not null check (reviewers >= 0),
    imported_at timestamptz not null default now(),
    imported_by text        not null,
    unique (name, version)
);

create table hash_list_entry (
    list_id   bigint not null references hash_list (id),
    entry_id  text   not null,
    kind      text   not null check (kind in ('pdq', 'md5', 'sha1', 'sha256')),
    hex       text   not null,
    category  text   not null,
    primary key (list_id, entry_id, kind)
);
create index hash_list_entry_digest on hash_list_entry (kind, hex);

create table media_list_match (
    report_id   uuid     not null,
    file_sha256 char(64) not null,
    list_id     bigint   not null,
    entry_id    text     not null,
    category    text     not null,
    distance    integer  not null,   -- 0 for exact digests
    found_at    timestamptz not null default now(),
    primary key (report_id, file_sha256, list_id, entry_id)
);
