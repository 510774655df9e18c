-- Every change an administrator makes to the authorities directory, with who and when (the directory is what routing
-- relies on: a changed channel or country must be traceable).
create table authority_change (
    id         bigserial   primary key,
    code       text        not null references authority (code),
    changed_by uuid        not null,
    changed_at timestamptz not null default now(),
    before     text        not null,
    after      text        not null
);
