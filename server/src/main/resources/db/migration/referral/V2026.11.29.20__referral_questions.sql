-- Questions between an authority and the referring organisation, and hand-overs to another authority.
create table referral_message (
    id          bigserial   primary key,
    referral_id uuid        not null references referral (id),
    from_side   text        not null check (from_side in ('authority', 'organisation')),
    author      uuid        not null,
    at          timestamptz not null default now(),
    body        text        not null
);

create table referral_handover (
    id          bigserial   primary key,
    referral_id uuid        not null references referral (id),
    from_authority text     not null,
    to_authority   text     not null references authority (code),
    by_user     uuid        not null,
    at          timestamptz not null default now(),
    reason      text        not null
);
