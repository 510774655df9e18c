-- Retention: how long an organisation keeps what it was sent, by outcome. Null: kept without limit.
create table retention_policy (
    organisation             uuid        primary key,
    closed_unreferred_months integer     check (closed_unreferred_months between 1 and 1200),
    referred_years           integer     check (referred_years between 1 and 100),
    contact_on_close         boolean     not null default true,
    updated_by               uuid,
    updated_at               timestamptz not null default now()
);

-- Legal holds: set and lifted by a lead or an administrator, with a reason. The hold of a case is its latest event.
-- Append-only for the application (INSERT and SELECT).
create table legal_hold_event (
    id        bigserial   primary key,
    case_id   uuid        not null,
    action    text        not null check (action in ('set', 'lifted')),
    by_user   uuid        not null,
    at        timestamptz not null default clock_timestamp(),
    reason    text        not null check (length(reason) between 1 and 2000)
);
create index legal_hold_event_case on legal_hold_event (case_id, id desc);

-- What retention crypto-shredded, under which rule (the custody ledger has the same as deleted-by-retention events).
-- Append-only for the application.
create table retention_deletion (
    sha256    char(64)    not null,
    report_id uuid        not null,
    rule      text        not null,
    at        timestamptz not null default now(),
    primary key (sha256, report_id)
);

-- Reporters' contact details erased (at their request, or by retention when the report closed). Append-only.
create table contact_erasure (
    id        bigserial   primary key,
    receipt   text        not null,
    reason    text        not null,
    at        timestamptz not null default now()
);
