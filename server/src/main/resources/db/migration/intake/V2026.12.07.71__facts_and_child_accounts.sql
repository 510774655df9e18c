-- What the facts are, as the reporter knows them: when it happened (a day, or about a month: facts_month), the age
-- the suspect claimed (optional), and the child's own accounts on the platforms (context, never a suspect identifier).
alter table report add column facts_date date;
alter table report add column facts_month boolean not null default false;
alter table report add column suspect_claimed_age integer check (suspect_claimed_age between 0 and 99);

create table report_child_account (
    report_id uuid    not null references report (id),
    position  integer not null,
    platform  text,
    handle    text    not null,
    primary key (report_id, position)
);
