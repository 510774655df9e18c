-- Per-organisation settings that its administrators set: the urgency rules it applies, the PDQ distance at which it
-- calls two pictures the same, and the daily exposure budget of its reviewers. Null means the instance default.
create table organisation_settings (
    organisation         uuid primary key,
    urgent_meeting       boolean,
    urgent_address       boolean,
    urgent_where_now     boolean,
    urgent_threat        boolean,
    urgent_self_harm     boolean,
    urgent_child_below   integer check (urgent_child_below between 0 and 18),
    match_distance       integer check (match_distance between 0 and 64),
    daily_exposure       integer check (daily_exposure >= 0),
    updated_by           uuid,
    updated_at           timestamptz not null default now()
);
