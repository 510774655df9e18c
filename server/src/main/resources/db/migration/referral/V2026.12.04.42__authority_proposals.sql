-- The authorities directory is the platform's: only an instance administrator edits it. An organisation's
-- administrator proposes a change, recorded here and shown to the instance administrators, who apply or dismiss it.
create table authority_proposal (
    id           bigserial   primary key,
    code         text        not null references authority (code),
    organisation uuid        not null,
    proposed_by  uuid        not null,
    proposed_at  timestamptz not null default now(),
    name         text        not null,
    countries    text[]      not null,
    languages    text[]      not null,
    receives     text        not null,
    urgent       text        not null,
    priority     integer     not null,
    reason       text        not null,
    state        text        not null default 'open' check (state in ('open', 'applied', 'dismissed')),
    decided_by   uuid,
    decided_at   timestamptz
);
create index authority_proposal_open on authority_proposal (code) where state = 'open';

alter table authority_change add column proposal bigint references authority_proposal (id);
