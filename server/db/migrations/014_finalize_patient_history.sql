-- Finalize's lock and read of the patient's history in one round trip (issue 13: finalize p95
-- with 20 coders). The function takes the patient's advisory lock (the key finalize and move-in
-- have always used: hashtext of the practice id's text and the patient id), then reads the
-- patient's history: the lines of the practice's finalized encounters (returned and replaced ones
-- left out), then the imported lines (the key range from 'patient|' up to 'patient}').
--
-- PL/pgSQL under READ COMMITTED takes a new snapshot for each statement, so the read comes after
-- the lock is held and sees every finalize of the patient committed before it: the same guarantee
-- as the lock and the reads sent one by one. Security invoker: row-level security binds it as it
-- binds the statements it replaces.
create function lock_patient_history(lock_practice text, practice uuid, patient text)
returns table (date_of_service text, lines jsonb, provider_id text, code text, modifiers text[], units int)
language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(7340215, hashtext(lock_practice || patient));
  return query
    select e.date_of_service::text, e.lines, e.encounter->>'providerId', null::text, null::text[], null::int
    from encounters e where e.practice_id = practice and e.patient_id = patient and e.review not in ('returned', 'replaced')
    union all
    select h.date_of_service::text, null::jsonb, h.provider_id, h.code, h.modifiers, h.units from history_lines h
    where h.practice_id = practice and h.key >= patient || '|' and h.key < patient || '}' and h.patient_id = patient;
end $$;
revoke execute on function lock_patient_history(text, uuid, text) from public;
grant execute on function lock_patient_history(text, uuid, text) to icw_app;
