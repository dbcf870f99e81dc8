-- The practice's NDC list (issue 15): one shared record per entry (a drug code, its 11-digit NDC,
-- the unit and the dates it is used on), kept by supervisors and admins and read by every staff
-- role, as the payer profiles are. The entry's shape is checked by its kind's schema
-- (src/group-api/record-kinds.ts); here only the kind check widens.
alter table practice_records drop constraint practice_records_kind_check;
alter table practice_records add constraint practice_records_kind_check
  check (kind in ('provider', 'payer-profile', 'practice-case', 'coverage-settings', 'draft', 'ndc-list-entry'));
