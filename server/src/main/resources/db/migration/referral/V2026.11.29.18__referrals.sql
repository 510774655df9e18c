-- Referral: the directory of competent authorities, referrals of approved cases to one of them (with the routing
-- proposal and any override with its reason), and what the authority records back (acceptance, outcomes with dates).
create table authority (
    code       text    primary key,
    name       text    not null,
    countries  text[]  not null,
    languages  text[]  not null,
    receives   text    not null,
    urgent     text    not null,
    priority   integer not null default 1,
    source     text    not null
);

create table referral (
    id          uuid        primary key,
    case_id     uuid        not null unique,
    authority   text        not null references authority (code),
    proposed    text,
    override_reason text,
    status      text        not null check (status in ('sent', 'accepted', 'closed')),
    sent_by     uuid        not null,
    sent_at     timestamptz not null default now(),
    accepted_by uuid,
    accepted_at timestamptz
);

create table referral_outcome (
    id          bigserial   primary key,
    referral_id uuid        not null references referral (id),
    kind        text        not null check (kind in ('investigation_opened', 'suspect_identified', 'arrest', 'charges',
                                                     'conviction', 'no_further_action')),
    on_date     date        not null,
    recorded_by uuid        not null,
    recorded_at timestamptz not null default now()
);
