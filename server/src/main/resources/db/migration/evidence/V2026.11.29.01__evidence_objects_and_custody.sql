-- Evidence: the objects kept in the content-addressed store and the append-only custody record.

create table evidence_object (
    sha256      char(64) primary key,
    size        bigint      not null check (size >= 0),
    media_type  text        not null,
    stored_at   timestamptz not null default now()
);

create table custody_event (
    id          bigserial   primary key,
    recorded_at timestamptz not null default clock_timestamp(),
    action      text        not null,
    actor       text        not null,
    subject     text,
    inputs      text[]      not null default '{}',
    outputs     text[]      not null default '{}',
    reason      text,
    instance    text        not null
);
create index custody_event_subject on custody_event (subject);

-- Nothing in the custody record is ever changed or removed: retention is itself an event.
create function filet_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% on % is not allowed: the custody record is append-only', tg_op, tg_table_name;
end $$;

create trigger custody_event_append_only before update or delete on custody_event
    for each row execute function filet_refuse_change();
create trigger evidence_object_write_once before update or delete on evidence_object
    for each row execute function filet_refuse_change();
