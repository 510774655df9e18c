-- The custody ledger: custody events are sequenced, in the order the sequencer takes them, into an RFC 9162 Merkle
-- log (one leaf per event, the leaf being the event's canonical entry), and signed tree heads are kept.

-- Events committed but not yet in the log. Rows appear only when the event's transaction commits, so the sequencer
-- never skips an event that commits late.
create table ledger_queue (
    event_id bigint primary key references custody_event (id)
);

create function filet_queue_custody_event() returns trigger language plpgsql as $$
begin
    insert into ledger_queue (event_id) values (new.id);
    return null;
end $$;

create trigger custody_event_to_ledger after insert on custody_event
    for each row execute function filet_queue_custody_event();

create table ledger_leaf (
    leaf_index bigint primary key check (leaf_index >= 0),
    event_id   bigint not null unique references custody_event (id),
    entry      bytea  not null,
    leaf_hash  bytea  not null check (length(leaf_hash) = 32)
);

create table ledger_head (
    tree_size  bigint      primary key check (tree_size >= 0),
    root_hash  bytea       not null check (length(root_hash) = 32),
    signed_at  timestamptz not null,
    sth        bytea       not null,      -- sth.json, canonical, as signed
    timestamp_token bytea                 -- RFC 3161 reply over sth, when a TSA is configured
);

create trigger ledger_leaf_append_only before update or delete on ledger_leaf
    for each row execute function filet_refuse_change();
create trigger ledger_head_append_only before update or delete on ledger_head
    for each row execute function filet_refuse_change();
