-- The change feed's trigger function takes its entity from the trigger (issue 13), so each
-- replicated table added later names itself in one `create trigger` line instead of restating
-- the function. Arguments: the entity name the feed carries, and optionally the column holding
-- the row's owner (rows only their owner and reviewers may read). Every table it watches has
-- `practice_id` and a uuid `id`.
--
-- The entity check lists the entities of the migrations planned next (shared records such as
-- providers and payer profiles, remittances), so those migrations add tables and triggers only.

alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check
  check (entity in ('encounter', 'training-attempt', 'history-import', 'record', 'remittance'));

create or replace function record_change() returns trigger language plpgsql as $$
declare
  row_data jsonb;
  row_practice uuid;
  row_id uuid;
  row_owner uuid;
  next_seq bigint;
begin
  if tg_nargs < 1 then
    raise exception 'record_change() needs the entity name as its first trigger argument (table %)', tg_table_name;
  end if;
  row_data := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  row_practice := (row_data ->> 'practice_id')::uuid;
  row_id := (row_data ->> 'id')::uuid;
  if tg_nargs > 1 then
    row_owner := (row_data ->> tg_argv[1])::uuid;
  end if;
  insert into change_heads as h (practice_id, seq) values (row_practice, 1)
    on conflict (practice_id) do update set seq = h.seq + 1
    returning seq into next_seq;
  insert into changes (practice_id, seq, entity, entity_id, op, owner_id)
    values (row_practice, next_seq, tg_argv[0], row_id,
      case tg_op when 'DELETE' then 'delete' else 'upsert' end, row_owner);
  perform pg_notify('icw_changes', row_practice::text || ':' || next_seq::text);
  return null;
end $$;

drop trigger encounters_change on encounters;
drop trigger training_attempts_change on training_attempts;
drop trigger history_imports_change on history_imports;

create constraint trigger encounters_change after insert or update or delete on encounters
  deferrable initially deferred for each row execute function record_change('encounter');
create constraint trigger training_attempts_change after insert or update or delete on training_attempts
  deferrable initially deferred for each row execute function record_change('training-attempt', 'user_id');
create constraint trigger history_imports_change after update of status on history_imports
  deferrable initially deferred for each row
  when (new.status = 'committed' and old.status is distinct from 'committed')
  execute function record_change('history-import');
