-- Search over the texts read from a report's files: every message of every parsed export and every line read by OCR
-- from a screenshot (a machine reading), full text in French and English with accents ignored, like descriptions.
-- Linking's own copy, rewritten whole each time the report's files are read (with its identifiers).
create table search_text (
    report_id    uuid        not null,
    organisation uuid        not null,
    receipt      text        not null,
    received_at  timestamptz not null,
    source       text        not null check (source in ('export', 'ocr')),
    file_sha256  char(64)    not null,
    position     integer     not null,
    body         text        not null,
    primary key (report_id, source, file_sha256, position)
);
create index search_text_fts on search_text
    using gin ((to_tsvector('filet_fr', body) || to_tsvector('filet_en', body)));
create index search_text_organisation on search_text (organisation);
