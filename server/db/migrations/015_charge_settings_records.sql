-- The practice's charge file settings (issue 15): one shared record under the key 'practice' (the
-- HL7 MSH names and the CSV column mapping), kept by supervisors and admins and read by every
-- staff role, as the coverage choices are; before, each desk kept its own in the browser. The
-- record's shape is checked by its kind's schema (src/group-api/record-kinds.ts); here only the
-- kind check widens.
alter table practice_records drop constraint practice_records_kind_check;
alter table practice_records add constraint practice_records_kind_check
  check (kind in ('provider', 'payer-profile', 'practice-case', 'coverage-settings', 'draft', 'ndc-list-entry', 'charge-settings'));
