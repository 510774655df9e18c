-- What a parse left out because of a limit, counted (filet.conversations.*): archive entries not read, conversations
-- read but not kept. The original file is untouched; the page and the findings say how much was left.
alter table conversation_parse add column entries_unread integer not null default 0;
alter table conversation_parse add column conversations_over_limit integer not null default 0;
