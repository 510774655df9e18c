-- People: organisations, staff users and their roles, API tokens, the one-time setup link.

create table organisation (
    id          uuid        primary key,
    name        text        not null unique,
    language    text        not null default 'fr',
    country     text        not null default 'FR',
    receives_public_reports boolean not null default false,
    created_at  timestamptz not null default now()
);
create unique index organisation_single_receiver on organisation (receives_public_reports) where receives_public_reports;

create table staff_user (
    id            uuid        primary key,
    organisation  uuid        not null references organisation (id),
    email         text        not null unique,
    display_name  text        not null,
    role          text        not null check (role in ('analyst', 'lead', 'admin', 'authority')),
    password_hash text,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create table api_token (
    token_hash  char(64)    primary key,
    user_id     uuid        not null references staff_user (id),
    created_at  timestamptz not null default now(),
    last_used   timestamptz
);

create table setup_token (
    token_hash  char(64)    primary key,
    user_id     uuid        references staff_user (id), -- null: the first administrator's set-up
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
