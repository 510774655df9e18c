-- The analyst queue as triage's own read model: one row per report, kept by triage's writes (report received or
-- changed, scored, a person's priority), so that the queue is one index range scan over open reports with the sort
-- keys, with no join and no per-row subquery. Order: immediate danger declared by the reporter, urgent, rank (the
-- analyst's priority, else the model's level: 3 high, 2 medium or not scored yet, 1 low), pictures matching known
-- material, pictures matching other reports, then oldest waiting first. Referred and closed reports leave the queue.
create table triage_queue (
    report_id        uuid        primary key,
    organisation     uuid        not null,
    receipt          text        not null,
    received_at      timestamptz not null,
    immediate_danger boolean     not null,
    urgent           boolean     not null default false,
    rank             smallint    not null default 2 check (rank between 1 and 3),
    known_media      integer     not null default 0,
    matched_media    integer     not null default 0,
    state            text        not null check (state in ('received', 'in_review', 'referred', 'closed')),
    open             boolean     not null,
    level            text        check (level in ('low', 'medium', 'high')),
    risk             double precision,
    language         text,
    reasons          text[]      not null default '{}',
    priority         text        check (priority in ('urgent', 'high', 'medium', 'low')),
    platform         text,
    child_age        integer,
    child_country    text,
    messages         integer     not null default 0,
    files            integer     not null default 0,
    updated_at       timestamptz not null default now()
);
create index triage_queue_open on triage_queue
    (organisation, immediate_danger desc, urgent desc, rank desc, known_media desc, matched_media desc, received_at, report_id)
    where open;
create index triage_queue_left on triage_queue (organisation, state, received_at desc) where not open;

-- The level is now the model's alone (urgency is apart, in urgent and reasons). Scores stored with the level
-- 'urgent' are scored again by the usual job, and meanwhile keep a level from their risk.
insert into job (kind, subject) select 'conversations-parsed', report_id::text from report_triage where level = 'urgent';
update report_triage set level = case when risk >= 0.5 then 'high' when risk >= 0.15 then 'medium' else 'low' end
    where level = 'urgent';
alter table report_triage drop constraint if exists report_triage_level_check;
alter table report_triage add constraint report_triage_level_check check (level in ('low', 'medium', 'high'));

-- One-off fill from the reports already there (the only place triage reads other capabilities' tables; from now on
-- the rows are kept by triage's jobs).
insert into triage_queue (report_id, organisation, receipt, received_at, immediate_danger, urgent, rank, known_media,
                          matched_media, state, open, level, risk, reasons, priority, platform, child_age, child_country,
                          messages, files)
select r.id, r.organisation, r.receipt, r.received_at, r.immediate_danger,
       coalesce(o.priority = 'urgent', r.immediate_danger or coalesce(t.urgent, false)),
       case coalesce(case o.priority when 'urgent' then 'high' else o.priority end, t.level)
           when 'high' then 3 when 'low' then 1 else 2 end,
       (select count(*) from media_list_match k where k.report_id = r.id),
       (select count(*) from media_match k where k.report_id = r.id),
       r.status, r.status not in ('referred', 'closed'), t.level, t.risk, coalesce(t.reasons, '{}'), o.priority,
       r.platform, r.child_age, r.child_country,
       (select count(*) from report_message m where m.report_id = r.id),
       (select count(*) from report_file f where f.report_id = r.id)
from report r left join report_triage t on t.report_id = r.id
left join lateral (select priority from triage_override x where x.report_id = r.id order by x.at desc, x.id desc limit 1) o on true;
