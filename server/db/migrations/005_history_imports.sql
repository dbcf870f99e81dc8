-- Imported claim history on the server (issue 13): an import is started, its parts are checked
-- and staged one request at a time, and a commit moves every staged line into history_lines in
-- one transaction (lines already stored, or repeated in the file, are counted as duplicates).
-- The commit enters the change feed once, as the import (its lines are read by page).

create table history_imports (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  file_name text not null,
  -- The column mapping and date format the user confirmed in the preview.
  mapping jsonb not null,
  date_format text not null,
  -- The file's first rows, up to and including its header; every part is checked under them.
  head text not null,
  -- The file's physical lines: the parts must cover 1..total_lines, each line once.
  total_lines int not null,
  status text not null check (status in ('staging', 'committed', 'aborted')),
  imported_by uuid not null references users (id),
  -- When it committed (null until then).
  imported_at timestamptz,
  rows int not null default 0,
  duplicates int not null default 0,
  created_at timestamptz not null
);
create index history_imports_practice on history_imports (practice_id, imported_at desc);

-- Staged parts of imports not yet committed: one row per part, its checked lines as parallel
-- arrays (about 25,000 lines a part, a few dozen rows for a million lines), so staging costs a
-- few row writes and the commit expands them with unnest. A part's modifiers are joined by
-- spaces, one string per line; a line without provider has ''. The arrays are stored
-- uncompressed (staging is short-lived; compressing a megabyte per part costs more than it saves).
create table history_parts (
  practice_id uuid not null references practices (id),
  import_id uuid not null references history_imports (id),
  first_row int not null,
  last_row int not null,
  line_count int not null,
  patient_ids text[] not null,
  dates date[] not null,
  codes text[] not null,
  modifiers text[] not null,
  units int[] not null,
  providers text[] not null,
  keys text[] not null,
  primary key (practice_id, import_id, first_row)
);
alter table history_parts alter column patient_ids set storage external, alter column dates set storage external,
  alter column codes set storage external, alter column modifiers set storage external, alter column units set storage external,
  alter column providers set storage external, alter column keys set storage external;

-- The practice's imported history. No foreign keys: a million-line commit would pay a check per
-- line for rows the commit itself guarantees (its import, its practice).
--
-- The key (historyRowKey: patient | date | code | modifiers | units | provider) compares bytewise
-- and begins with the patient: the one key index dedupes imports and finds a patient's lines
-- (the range from 'patient|' to 'patient}'), so a commit maintains two indexes, not three. A
-- commit writes its lines in key order and numbers them so (n), so both indexes grow at their
-- right edge, and a patient's lines sit together on disk (finalize reads them in a page or two).
create table history_lines (
  practice_id uuid not null,
  import_id uuid not null,
  -- 1-based ordinal within the import over the lines added, in key order (by patient, then date).
  n int not null,
  patient_id text not null,
  date_of_service date not null,
  code text not null,
  modifiers text[] not null,
  units int not null,
  provider_id text,
  key text collate "C" not null,
  primary key (practice_id, import_id, n)
);
create unique index history_lines_key on history_lines (practice_id, key);

alter table history_imports enable row level security;
alter table history_imports force row level security;
create policy history_imports_own on history_imports using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table history_parts enable row level security;
alter table history_parts force row level security;
create policy history_parts_own on history_parts using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table history_lines enable row level security;
alter table history_lines force row level security;
create policy history_lines_own on history_lines using (practice_id = app_practice()) with check (practice_id = app_practice());

grant select, insert, update on history_imports to icw_app;
grant select, insert, update, delete on history_parts to icw_app;
grant select, insert on history_lines to icw_app;

-- ---- the change feed: a committed import is one change ----

alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check check (entity in ('encounter', 'training-attempt', 'history-import'));

create or replace function record_change() returns trigger language plpgsql as $$
declare
  row_practice uuid;
  row_id uuid;
  row_owner uuid;
  next_seq bigint;
begin
  if tg_op = 'DELETE' then
    row_practice := old.practice_id;
    row_id := old.id;
  else
    row_practice := new.practice_id;
    row_id := new.id;
  end if;
  if tg_table_name = 'training_attempts' then
    row_owner := case when tg_op = 'DELETE' then old.user_id else new.user_id end;
  end if;
  insert into change_heads as h (practice_id, seq) values (row_practice, 1)
    on conflict (practice_id) do update set seq = h.seq + 1
    returning seq into next_seq;
  insert into changes (practice_id, seq, entity, entity_id, op, owner_id)
    values (row_practice, next_seq,
      case tg_table_name when 'encounters' then 'encounter' when 'history_imports' then 'history-import' else 'training-attempt' end,
      row_id, case tg_op when 'DELETE' then 'delete' else 'upsert' end, row_owner);
  perform pg_notify('icw_changes', row_practice::text || ':' || next_seq::text);
  return null;
end $$;

-- Only the commit (staging -> committed) is a change; deferred to commit like the others, so
-- the number is taken under the practice's head lock and the feed stays in commit order.
create constraint trigger history_imports_change after update of status on history_imports
  deferrable initially deferred for each row
  when (new.status = 'committed' and old.status is distinct from 'committed')
  execute function record_change();
