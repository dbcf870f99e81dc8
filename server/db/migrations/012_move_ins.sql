-- Moving in (issue 13): an admin uploads a workstation's backup file (the standalone app's
-- export) into the practice once. The file's text is staged in parts, one request each; the
-- preview and the commit join the parts, check the whole file's size and SHA-256 against what
-- the start announced, and parse it again with the app's own backup parser (the client's reading
-- is never taken). The commit stores everything in one transaction, or nothing.
--
-- A file is moved in once per practice: the fingerprint (SHA-256 of its text) of a committed
-- move-in is unique. Records already in the practice are skipped by their dedupe keys (see
-- server/services/move-in-plan.ts), so the same data in another export is not stored twice either.

create table move_ins (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  file_name text not null check (length(file_name) between 1 and 255),
  -- UTF-8 bytes of the whole file, as announced at the start; the joined parts must match.
  size_bytes bigint not null check (size_bytes >= 1),
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  status text not null check (status in ('staging', 'committed', 'aborted')),
  started_by uuid not null references users (id),
  created_at timestamptz not null,
  committed_at timestamptz,
  -- What the commit added and skipped, per table (null until committed).
  result jsonb,
  check ((status = 'committed') = (committed_at is not null))
);
create index move_ins_practice on move_ins (practice_id, created_at desc);
create unique index move_ins_once on move_ins (practice_id, fingerprint) where status = 'committed';

-- The file's text in parts (index 0, 1, ...); dropped at commit and abandon.
create table move_in_parts (
  practice_id uuid not null references practices (id),
  move_in_id uuid not null references move_ins (id),
  part_index int not null check (part_index >= 0),
  body text not null,
  primary key (practice_id, move_in_id, part_index)
);
alter table move_in_parts alter column body set storage external;

alter table move_ins enable row level security;
alter table move_ins force row level security;
create policy move_ins_own on move_ins using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table move_in_parts enable row level security;
alter table move_in_parts force row level security;
create policy move_in_parts_own on move_in_parts using (practice_id = app_practice()) with check (practice_id = app_practice());

grant select, insert, update on move_ins to icw_app;
grant select, insert, update, delete on move_in_parts to icw_app;
