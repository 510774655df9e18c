-- Every node keeps the PDQ index in memory; it follows these tables by sequence (catch-up after a change notice), so
-- a picture hashed on one node is matched on every other. Existing rows are numbered in their physical order.
alter table media_hash add column seq bigserial;
create unique index media_hash_seq on media_hash (seq);

alter table hash_list_entry add column seq bigserial;
create unique index hash_list_entry_seq on hash_list_entry (seq);
