-- Triage: the grooming-risk score of each report, the urgency rules that fired, and the signals with the messages
-- that carry them. A new score (new scorer version, new files) replaces the previous one; each scoring is a custody
-- event. Overrides by an analyst are kept with their reason.
create table report_triage (
    report_id   uuid        primary key,
    scored_at   timestamptz not null default now(),
    scorer      text        not null,
    risk        double precision not null check (risk >= 0 and risk <= 1),
    level       text        not null check (level in ('low', 'medium', 'high', 'urgent')),
    urgent      boolean     not null,
    reasons     text[]      not null default '{}',
    explanation text        not null      -- JSON: per conversation, signals and the message indexes carrying them
);
create index report_triage_order on report_triage (urgent desc, risk desc);

create table triage_override (
    id         bigserial   primary key,
    report_id  uuid        not null,
    user_id    uuid        not null,
    at         timestamptz not null default now(),
    priority   text        not null check (priority in ('urgent', 'high', 'medium', 'low')),
    reason     text        not null
);
