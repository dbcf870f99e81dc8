-- Public reference files, one copy per server (issues 13 and 14): the CMS practitioner NCCI
-- tables (MUE, PTP), the CMS/CDC ICD-10-CM order files and the Medicare Coverage Database's
-- billing-article download. Every practice on the server reads the same copy; an admin of any
-- practice loads one for all of them.
--
-- No practice_id and no row-level security, on purpose: these files are public government
-- downloads that hold no patient data and nothing of a practice (codes, code pairs, unit caps,
-- descriptions, coverage paragraphs). What is a practice's own is only who uploaded a file:
-- `uploaded_by` and `uploaded_in` are never shown to another practice (the server names the
-- uploader only to members of the uploading practice), and only an admin of the uploading
-- practice may delete the file (checked by the server: a practice cannot take away what another
-- practice loaded for its own claims). The audit entries of an upload or a delete go to the
-- uploading practice's own (row-secured) audit log.

create table reference_files (
  id uuid primary key,
  kind text not null check (kind in ('ncci', 'icd10', 'coverage')),
  -- The app's record ids the file provides: 'mue:2026Q1' or 'ptp:2026Q1' (one NCCI table per kind
  -- and quarter), '2026' or '2026-april' (one ICD-10-CM release), article ids ('A58993'). A later
  -- upload providing every one of them again replaces this one, as a second load does in the
  -- standalone app.
  record_keys text[] not null check (cardinality(record_keys) > 0),
  -- What the app lists of it, as the parser found it: quarter or fiscal year, coverage dates, counts
  -- (see referenceSummarySchema).
  summary jsonb not null,
  uploaded_by uuid not null references users (id),
  uploaded_in uuid not null references practices (id),
  uploaded_at timestamptz not null
);
create index reference_files_keys on reference_files using gin (record_keys);

-- The file's content, one row per file of the upload (a PTP table comes in several parts, an
-- article download in several CSV files), gzip-compressed as the browser sent it (after the
-- server checked that it decompresses to the named SHA-256 and parses). Stored external: already
-- compressed, PostgreSQL's own compression would only cost time.
create table reference_file_contents (
  file_id uuid not null references reference_files (id) on delete cascade,
  position int not null,
  name text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Bytes of the file once decompressed.
  bytes bigint not null,
  gzip bytea not null,
  primary key (file_id, position)
);
alter table reference_file_contents alter column gzip set storage external;

grant select, insert, delete on reference_files, reference_file_contents to icw_app;

-- Every server process relays this to every open event stream of every practice (`reference`
-- events): the payload is the file's id. Deferred to commit, so a client that lists on the event
-- sees the change.
create or replace function notify_reference_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('icw_reference', coalesce(new.id, old.id)::text);
  return null;
end $$;
create constraint trigger reference_files_notify after insert or delete on reference_files
  deferrable initially deferred for each row execute function notify_reference_change();
