-- Cosignatures of the ledger's checkpoints by witnesses (C2SP tlog-cosignature, Ed25519 cosignature/v1). A row is
-- kept only after its signature was checked over a checkpoint this instance signed. Append-only, like the ledger.
-- No foreign key to ledger_head on purpose: emptying the heads must not take the witnesses' word with them.

create table ledger_cosignature (
    id           bigserial   primary key,
    tree_size    bigint      not null check (tree_size >= 0),
    root_hash    bytea       not null check (length(root_hash) = 32),
    witness_name text        not null,
    witness_key  text        not null,            -- the witness's verifier key (name+id+base64(0x04 || key))
    cosigned_at  timestamptz not null,            -- the time inside the cosignature
    received_at  timestamptz not null default clock_timestamp(),
    checkpoint   text        not null,            -- the checkpoint with the instance's and this witness's lines
    unique (witness_key, tree_size)
);

create trigger ledger_cosignature_append_only before update or delete on ledger_cosignature
    for each row execute function filet_refuse_change();
