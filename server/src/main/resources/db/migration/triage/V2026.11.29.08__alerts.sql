-- Urgent reports raise an alert for the organisation's leads, kept until a lead acknowledges it.
create table triage_alert (
    id               bigserial   primary key,
    report_id        uuid        not null unique,
    organisation     uuid        not null,
    created_at       timestamptz not null default now(),
    reasons          text[]      not null,
    acknowledged_by  uuid,
    acknowledged_at  timestamptz
);
create index triage_alert_open on triage_alert (organisation) where acknowledged_at is null;
