-- Whether the reporter asked to be told by email when their report's plain status changes (their contact address).
alter table report add column reporter_notify boolean not null default false;
