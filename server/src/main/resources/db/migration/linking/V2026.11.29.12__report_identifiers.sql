-- Linking: the identifiers found in each report (typed by the reporter, or found in messages and exports),
-- normalised (phones in E.164, accounts as platform/handle). Reports sharing an identifier are linked, except for
-- values too common to mean anything (an exclusion list) and values present in too many reports (a per-value cap).
create table report_identifier (
    report_id  uuid    not null,
    key        text    not null,      -- e.g. ACCOUNT/snapchat/alicia_12, PHONE//+33612345678
    kind       text    not null,
    platform   text,
    source     text    not null,      -- form, message, export
    strength   text    not null,      -- strong, weak
    common     boolean not null,      -- on the exclusion list: kept, never linked
    primary key (report_id, key)
);
create index report_identifier_key on report_identifier (key) where not common;
