-- A second factor for every staff and authority user: a TOTP secret (RFC 6238) with one-time recovery codes, and
-- passkeys (WebAuthn) in the tables Spring Security's JDBC repositories read.
create table staff_totp (
    user_id      uuid        primary key references staff_user (id),
    secret       text        not null,           -- base32, as the authenticator app holds it
    confirmed_at timestamptz,                    -- null until a first code proved the app has it
    last_step    bigint      not null default 0  -- a time step is accepted once: no replay of a seen code
);

create table recovery_code (
    user_id    uuid        not null references staff_user (id),
    code_hash  char(64)    not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);

create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(320)  not null unique,      -- the staff user's email
    display_name varchar(200)
);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);

-- Volunteer vetting: what the organisation checked about a person, who checked it and when.
create table vetting_check (
    id           uuid        primary key,
    user_id      uuid        not null references staff_user (id),
    kind         text        not null check (kind in ('criminal-record', 'reference', 'interview', 'training', 'confidentiality')),
    done_on      date        not null,
    checked_by   text        not null,
    note         text,
    recorded_by  uuid        not null references staff_user (id),
    recorded_at  timestamptz not null default now()
);
create index vetting_check_user on vetting_check (user_id);

-- Every change of organisation settings, urgency rules, roles, vetting and factors, with before and after.
-- Append-only: rows are never updated or deleted.
create table people_audit (
    id           bigserial   primary key,
    organisation uuid        not null,
    at           timestamptz not null default now(),
    actor        uuid,                 -- null: the command line
    action       text        not null,
    target       uuid,                 -- the user concerned, when there is one
    before       jsonb,
    after        jsonb
);
create index people_audit_org on people_audit (organisation, at desc);

create trigger people_audit_append_only before update or delete on people_audit
    for each row execute function filet_refuse_change();
