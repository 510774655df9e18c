-- Search: full-text over report descriptions and messages with French and English configurations that ignore
-- accents; similar handles: trigram similarity on account identifiers, suggested for a person to confirm.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create text search configuration filet_fr (copy = french);
alter text search configuration filet_fr alter mapping for hword, hword_part, word with unaccent, french_stem;
create text search configuration filet_en (copy = english);
alter text search configuration filet_en alter mapping for hword, hword_part, word with unaccent, english_stem;

create index report_description_fts on report
    using gin ((to_tsvector('filet_fr', coalesce(description, '')) || to_tsvector('filet_en', coalesce(description, ''))));
create index report_message_fts on report_message
    using gin ((to_tsvector('filet_fr', body) || to_tsvector('filet_en', body)));
create index report_identifier_trgm on report_identifier using gin (key gin_trgm_ops) where kind = 'ACCOUNT';
