-- The practice's imported 835 remittance files (issue 13), shared by its staff like the ledger.
-- The server parses each upload again with the app's parser and matches it to the practice's
-- encounters; `record` is the import as the app shows it (payments, match counts, denied and
-- unmatched lines). A payment (payer, check or EFT number, date: the app's payment key) is stored
-- once per practice: `remittance_payments` holds one row per payment, and its primary key refuses
-- a file bringing a payment already imported, as the browser's own store does.

create table remittances (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  file_name text not null check (length(file_name) between 1 and 255),
  control_number text not null check (control_number in ('encounter-id-or-patient-id', 'encounter-id', 'patient-id')),
  imported_by uuid not null references users (id),
  imported_at timestamptz not null,
  record jsonb not null
);
create index remittances_imported on remittances (practice_id, imported_at);

create table remittance_payments (
  practice_id uuid not null references practices (id),
  payment_key text not null check (length(payment_key) between 1 and 400),
  remittance_id uuid not null references remittances (id),
  primary key (practice_id, payment_key)
);
create index remittance_payments_remittance on remittance_payments (remittance_id);

alter table remittances enable row level security;
alter table remittances force row level security;
create policy remittances_own on remittances
  using (practice_id = app_practice()) with check (practice_id = app_practice());
alter table remittance_payments enable row level security;
alter table remittance_payments force row level security;
create policy remittance_payments_own on remittance_payments
  using (practice_id = app_practice()) with check (practice_id = app_practice());

grant select, insert, delete on remittances to icw_app;
grant select, insert, delete on remittance_payments to icw_app;

-- An import is never changed, only added or removed: the feed carries both.
create constraint trigger remittances_change after insert or delete on remittances
  deferrable initially deferred for each row execute function record_change('remittance');
