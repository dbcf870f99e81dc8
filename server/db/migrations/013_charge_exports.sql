-- The practice's charge-export log (issue 15): one row per encounter handed to the
-- practice-management system in a charge file (HL7 DFT^P03 or CSV). Shared by the practice's
-- staff, so that no desk offers again, unknowingly, an encounter another desk exported. The
-- server sets `exported_at` from its own clock and `exported_by` from the session; `status` is
-- the encounter's review outcome at export as the server derived it from its decisions
-- (overridden, approved, or no findings), as the app's audit entry records it.
--
-- An export moved in from a workstation's backup (server/services/move-in-plan.ts) keeps the
-- workstation's time and the name of the person who made it there (`workstation_user`); the
-- admin who moved it in is `exported_by`.
--
-- An encounter may be exported more than once (a deliberate re-export, or two desks exporting
-- at once): the file has left the building either way, so every export is kept and shown.
-- Rows are never changed or removed.

create table charge_exports (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  encounter_id uuid not null references encounters (id),
  format text not null check (format in ('hl7', 'csv')),
  file_name text not null check (length(file_name) between 1 and 255),
  status text not null check (status in ('no-findings', 'approved', 'overridden')),
  exported_by uuid not null references users (id),
  exported_at timestamptz not null,
  workstation_user text check (length(workstation_user) between 1 and 200)
);
create index charge_exports_encounter on charge_exports (practice_id, encounter_id, exported_at);

alter table charge_exports enable row level security;
alter table charge_exports force row level security;
create policy charge_exports_own on charge_exports
  using (practice_id = app_practice()) with check (practice_id = app_practice());

grant select, insert on charge_exports to icw_app;

alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check
  check (entity in ('encounter', 'training-attempt', 'history-import', 'record', 'remittance', 'charge-export'));

create constraint trigger charge_exports_change after insert on charge_exports
  deferrable initially deferred for each row execute function record_change('charge-export');
