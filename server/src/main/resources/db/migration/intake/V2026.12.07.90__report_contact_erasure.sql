-- A reporter's contact details erased (at their request, or by a retention rule): the report's own record, so it is
-- intake's, which erases them. It was created with retention's tables; moved here with its rows. Append-only.
create table report_contact_erasure (
    id        bigserial   primary key,
    receipt   text        not null,
    reason    text        not null,
    at        timestamptz not null default now()
);

insert into report_contact_erasure (receipt, reason, at)
select receipt, reason, at from contact_erasure order by id;

drop table contact_erasure;
