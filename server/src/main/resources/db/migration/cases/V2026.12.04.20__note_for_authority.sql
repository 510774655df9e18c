-- Cases: whether a note goes into what the organisation sends to the authority (the sealed package's report.pdf).
-- Chosen per note when it is written; off by default, so an internal note never leaves by accident.
alter table case_note add column for_authority boolean not null default false;
