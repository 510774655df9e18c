-- Throttling state shared by every server node (Bucket4j's PostgreSQL proxy: one row per bucket, locked with
-- SELECT … FOR UPDATE while a request takes a token). The id is a limit name and the SHA-256 of its key (an e-mail
-- address, a client address or a receipt), so no address or e-mail is kept in clear. expires_at (epoch ms) lets full
-- buckets be removed.
create table throttle_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index throttle_bucket_expires on throttle_bucket (expires_at);

-- Reports kept although their sender was over the intake limit (an immediate danger is never refused).
create table intake_over_limit (
    receipt    text        primary key,
    at         timestamptz not null default now()
);
