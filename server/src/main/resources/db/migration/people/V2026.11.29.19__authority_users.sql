-- Authority users (police, hotline) belong to one authority of the directory and see only what is referred to it.
alter table staff_user add column authority text;
