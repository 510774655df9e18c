-- The network of reports lives in every node's memory. Each change of a report's linkable keys (identifiers extracted,
-- a picture hashed or matched) is written here in the transaction of the change, and every node follows this table
-- by sequence (catch-up after a change notice). Rows older than a day are removed: a node that starts builds its
-- networks from report_identifier and media's picture keys, and a running node is seconds behind at most.
create table network_change (
    seq       bigserial   primary key,
    report_id uuid        not null,
    keys      text[]      not null,
    at        timestamptz not null default now()
);
create index network_change_at on network_change (at);
