-- The change feed each workstation's replica follows (issue 13), and writes done once per key.
--
-- Every write to a replicated table adds a row to `changes` with the practice's next sequence
-- number, at commit. The number comes from the practice's row in `change_heads`, updated in the
-- same transaction: its row lock is held until the commit is done, so two writers of one practice commit in the
-- order of their numbers and a reader that sees change N+1 also sees N (a plain sequence would
-- not promise that: numbers are handed out before commit). At commit, NOTIFY icw_changes tells
-- every server process, which tells its open event streams.

create table change_heads (
  practice_id uuid primary key references practices (id),
  seq bigint not null
);

create table changes (
  practice_id uuid not null references practices (id),
  seq bigint not null,
  entity text not null check (entity in ('encounter', 'training-attempt')),
  entity_id uuid not null,
  op text not null check (op in ('upsert', 'delete')),
  -- Whose row, where only its owner and reviewers may read it (training attempts).
  owner_id uuid,
  at timestamptz not null default now(),
  primary key (practice_id, seq)
);

create function record_change() returns trigger language plpgsql as $$
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
    values (row_practice, next_seq, case tg_table_name when 'encounters' then 'encounter' else 'training-attempt' end,
      row_id, case tg_op when 'DELETE' then 'delete' else 'upsert' end, row_owner);
  perform pg_notify('icw_changes', row_practice::text || ':' || next_seq::text);
  return null;
end $$;

-- Deferred to commit: the practice's head row is locked only for the commit itself, not from
-- the write on, so writers of one practice wait on each other for as short a time as can be.
create constraint trigger encounters_change after insert or update or delete on encounters
  deferrable initially deferred for each row execute function record_change();
create constraint trigger training_attempts_change after insert or update or delete on training_attempts
  deferrable initially deferred for each row execute function record_change();

create trigger changes_append_only before update or delete on changes for each statement execute function refuse_change();
create trigger changes_no_truncate before truncate on changes for each statement execute function refuse_change();

-- Writes sent with an Idempotency-Key: the first answer, kept per person and key.
create table idempotency_keys (
  practice_id uuid not null references practices (id),
  user_id uuid not null references users (id),
  key text not null,
  route text not null,
  request_hash text not null,
  status int,
  response jsonb,
  created_at timestamptz not null,
  primary key (practice_id, user_id, key)
);

-- Rows written before this migration enter the feed once, oldest first. Forced row security
-- binds the owner too, so it is lifted for this transaction's backfill and put back.
alter table encounters no force row level security;
alter table training_attempts no force row level security;
insert into changes (practice_id, seq, entity, entity_id, op, owner_id, at)
  select practice_id, row_number() over (partition by practice_id order by at, entity_id), entity, entity_id, 'upsert', owner_id, at
  from (
    select practice_id, id as entity_id, 'encounter' as entity, null::uuid as owner_id, finalized_at as at from encounters
    union all
    select practice_id, id, 'training-attempt', user_id, submitted_at from training_attempts
  ) existing;
insert into change_heads (practice_id, seq) select practice_id, max(seq) from changes group by practice_id;
alter table encounters force row level security;
alter table training_attempts force row level security;

alter table change_heads enable row level security;
alter table change_heads force row level security;
create policy change_heads_own on change_heads using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table changes enable row level security;
alter table changes force row level security;
create policy changes_own on changes using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy idempotency_keys_own on idempotency_keys
  using (practice_id = app_practice() and user_id = app_user())
  with check (practice_id = app_practice() and user_id = app_user());

grant select, insert, update on change_heads to icw_app;
grant select, insert, update, delete on idempotency_keys to icw_app;
grant select, insert on changes to icw_app;
