-- The name (or handle) the child has in the conversations the reporter sent, so that the child's messages can be
-- told from the other person's. Optional.
alter table report add column child_name_in_conversation text;
