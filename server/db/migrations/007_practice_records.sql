-- The practice's shared records (issue 13): providers, custom payer profiles, practice cases,
-- coverage settings, and each person's drafts. One table, one row per (practice, kind, owner,
-- key); `body` is the record as the app stores it, checked by the kind's schema on every write
-- (src/group-api/record-kinds.ts). `version` starts at 1 and goes up by one with every write: a
-- write names the version it was made against and a stale one is refused (409).
--
-- A draft is its owner's alone: `owner_id` is set for drafts and only for drafts, and the policy
-- shows a row with an owner to that owner only (not to admins or supervisors either).

create table practice_records (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  kind text not null check (kind in ('provider', 'payer-profile', 'practice-case', 'coverage-settings', 'draft')),
  key text not null check (length(key) between 1 and 200),
  owner_id uuid references users (id),
  version int not null check (version >= 1),
  body jsonb not null,
  updated_by uuid not null references users (id),
  updated_at timestamptz not null,
  check ((kind = 'draft') = (owner_id is not null))
);
-- Shared kinds have no owner: NULLS NOT DISTINCT makes (practice, kind, null, key) unique too.
create unique index practice_records_key on practice_records (practice_id, kind, owner_id, key) nulls not distinct;

-- Deleted records: the feed carries a deletion as the row's id only, and the reader's right to
-- see it depends on the kind, which the deleted row no longer tells. Not replicated.
create table practice_record_deletions (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  kind text not null,
  owner_id uuid references users (id),
  deleted_by uuid not null references users (id),
  deleted_at timestamptz not null
);

alter table practice_records enable row level security;
alter table practice_records force row level security;
create policy practice_records_own on practice_records
  using (practice_id = app_practice() and (owner_id is null or owner_id = app_user()))
  with check (practice_id = app_practice() and (owner_id is null or owner_id = app_user()));
alter table practice_record_deletions enable row level security;
alter table practice_record_deletions force row level security;
create policy practice_record_deletions_own on practice_record_deletions
  using (practice_id = app_practice() and (owner_id is null or owner_id = app_user()))
  with check (practice_id = app_practice() and (owner_id is null or owner_id = app_user()));

grant select, insert, update, delete on practice_records to icw_app;
grant select, insert on practice_record_deletions to icw_app;

create constraint trigger practice_records_change after insert or update or delete on practice_records
  deferrable initially deferred for each row execute function record_change('record', 'owner_id');
