-- Text read from screenshots by OCR (Tesseract), with each line's position and the chat-bubble side it sits on. OCR
-- text is a machine reading, kept as a derived artefact (JSON in the evidence store) linked to the original picture;
-- it is never presented as the original.
create table ocr_text (
    report_id    uuid        not null,
    file_sha256  char(64)    not null,
    engine       text        not null,
    read_at      timestamptz not null default now(),
    ocr_sha256   char(64),
    text         text        not null default '',
    lines        integer     not null default 0,
    refused      text,
    primary key (report_id, file_sha256, engine)
);
