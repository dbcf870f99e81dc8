-- Accounts, practices, sessions, invitations, the access logs and the first practice data.
-- Every table that holds a practice's rows carries practice_id, has row-level security enabled
-- and FORCEd, and is read and written only by icw_app, a role that owns nothing.

do $$ begin
  if not exists (select from pg_roles where rolname = 'icw_app') then
    create role icw_app nologin;
  end if;
end $$;

-- The settings every policy reads; unset (or '') matches nothing.
create function app_practice() returns uuid language sql stable as
  $$ select nullif(current_setting('app.practice_id', true), '')::uuid $$;
create function app_user() returns uuid language sql stable as
  $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
create function app_setting(name text) returns text language sql stable as
  $$ select nullif(current_setting(name, true), '') $$;

create table server_settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null
);

create table practices (
  id uuid primary key,
  name text not null,
  idle_timeout_minutes int not null default 15 check (idle_timeout_minutes between 2 and 60),
  two_factor_roles text[] not null default '{admin,supervisor}',
  created_at timestamptz not null
);

create table users (
  id uuid primary key,
  email text not null unique,
  name text not null,
  password_hash text not null,
  totp_secret text,
  totp_enabled boolean not null default false,
  totp_last_step bigint,
  created_at timestamptz not null,
  password_changed_at timestamptz not null
);

create table backup_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

create table memberships (
  practice_id uuid not null references practices (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('admin', 'supervisor', 'coder', 'trainee')),
  active boolean not null default true,
  created_at timestamptz not null,
  deactivated_at timestamptz,
  primary key (practice_id, user_id)
);
create index memberships_user on memberships (user_id);

create table sessions (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  practice_id uuid references practices (id),
  state text not null check (state in ('active', 'two-factor', 'enroll-two-factor')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_practice on sessions (practice_id);

create table invites (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  email text not null,
  role text not null check (role in ('admin', 'supervisor', 'coder', 'trainee')),
  token_hash text not null unique,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz
);
create index invites_practice on invites (practice_id, created_at);

-- Sign-in events of every account (accounts are server-wide, not a practice's).
create table auth_events (
  seq bigint primary key,
  at timestamptz not null,
  event text not null,
  email text not null,
  user_id uuid references users (id),
  ip text,
  user_agent text,
  detail jsonb,
  prev_hash text not null,
  hash text not null
);
create sequence auth_events_seq;
create index auth_events_email on auth_events (email, at);
create index auth_events_ip on auth_events (ip, at);
create index auth_events_user on auth_events (user_id, at);

-- A practice's access log: reads of patient data, writes, role and setting changes.
create table audit_log (
  seq bigint primary key,
  practice_id uuid not null references practices (id),
  at timestamptz not null,
  user_id uuid references users (id),
  user_name text,
  action text not null,
  patient_id text,
  target text,
  detail jsonb,
  ip text,
  prev_hash text not null,
  hash text not null
);
create sequence audit_log_seq;
create index audit_log_practice on audit_log (practice_id, seq);

create table encounters (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  patient_id text not null,
  date_of_service date not null,
  encounter jsonb not null,
  lines jsonb not null,
  findings jsonb not null,
  review text not null check (review in ('not-needed', 'pending', 'approved', 'returned')),
  reason text,
  finalized_by uuid not null references users (id),
  finalized_at timestamptz not null,
  version int not null default 1
);
create index encounters_patient on encounters (practice_id, patient_id, date_of_service);
create index encounters_finalized on encounters (practice_id, finalized_at);

create table review_decisions (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  encounter_id uuid not null references encounters (id),
  line_index int,
  action text not null check (action in ('approve', 'return', 'override')),
  reason text,
  decided_by uuid not null references users (id),
  decided_at timestamptz not null
);
create index review_decisions_encounter on review_decisions (practice_id, encounter_id);

create table training_attempts (
  id uuid primary key,
  practice_id uuid not null references practices (id),
  user_id uuid not null references users (id),
  case_id text not null,
  score_percent int not null check (score_percent between 0 and 100),
  lines jsonb not null,
  submitted_at timestamptz not null
);
create index training_attempts_user on training_attempts (practice_id, user_id, submitted_at);

-- ---- the access logs: append-only, each entry's hash chained to the one before ----

create function audit_row_hash(prev text, seq bigint, at timestamptz, parts text[]) returns text
  language sql immutable as $$
  select encode(sha256(convert_to(
    concat_ws('|', prev, seq::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      array_to_string(parts, '|', '')), 'UTF8')), 'hex')
$$;

create function auth_events_parts(e auth_events) returns text[] language sql immutable as
  $$ select array[e.event, e.email, e.user_id::text, e.ip, e.user_agent, e.detail::text] $$;
create function audit_log_parts(e audit_log) returns text[] language sql immutable as
  $$ select array[e.practice_id::text, e.user_id::text, e.user_name, e.action, e.patient_id, e.target, e.detail::text, e.ip] $$;

-- The sequence number is taken after the chain's lock, so seq order is chain order even
-- when several server processes write at once.
create function auth_events_chain() returns trigger language plpgsql as $$
declare prev text;
begin
  perform pg_advisory_xact_lock(7340212);
  new.seq := nextval('auth_events_seq');
  select hash into prev from auth_events order by seq desc limit 1;
  new.prev_hash := coalesce(prev, '');
  new.hash := audit_row_hash(new.prev_hash, new.seq, new.at, auth_events_parts(new));
  return new;
end $$;
create trigger auth_events_chain before insert on auth_events for each row execute function auth_events_chain();

create function audit_log_chain() returns trigger language plpgsql as $$
declare prev text;
begin
  perform pg_advisory_xact_lock(7340213, hashtext(new.practice_id::text));
  new.seq := nextval('audit_log_seq');
  select hash into prev from audit_log where practice_id = new.practice_id order by seq desc limit 1;
  new.prev_hash := coalesce(prev, '');
  new.hash := audit_row_hash(new.prev_hash, new.seq, new.at, audit_log_parts(new));
  return new;
end $$;
create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end $$;
create trigger auth_events_append_only before update or delete on auth_events for each statement execute function refuse_change();
create trigger audit_log_append_only before update or delete on audit_log for each statement execute function refuse_change();

-- ---- row-level security ----

alter table practices enable row level security;
alter table practices force row level security;
create policy practices_own on practices
  using (id = app_practice() or exists (select 1 from memberships m where m.practice_id = practices.id and m.user_id = app_user()))
  with check (id = app_practice());

alter table memberships enable row level security;
alter table memberships force row level security;
create policy memberships_own on memberships
  using (practice_id = app_practice() or user_id = app_user())
  with check (practice_id = app_practice());

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_own on sessions
  using (token_hash = app_setting('app.session_token') or user_id = app_user() or practice_id = app_practice())
  with check (user_id = app_user());

alter table invites enable row level security;
alter table invites force row level security;
create policy invites_own on invites
  using (practice_id = app_practice() or token_hash = app_setting('app.invite_token'))
  with check (practice_id = app_practice());

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_own on audit_log using (practice_id = app_practice()) with check (practice_id = app_practice());

alter table encounters enable row level security;
alter table encounters force row level security;
create policy encounters_own on encounters using (practice_id = app_practice()) with check (practice_id = app_practice());

alter table review_decisions enable row level security;
alter table review_decisions force row level security;
create policy review_decisions_own on review_decisions using (practice_id = app_practice()) with check (practice_id = app_practice());

alter table training_attempts enable row level security;
alter table training_attempts force row level security;
create policy training_attempts_own on training_attempts using (practice_id = app_practice()) with check (practice_id = app_practice());

-- ---- what the application role may do ----

grant usage on schema public to icw_app;
grant select, insert, update, delete on server_settings, practices, users, backup_codes, memberships, sessions, invites, encounters to icw_app;
grant select, insert on auth_events, audit_log, review_decisions, training_attempts to icw_app;
grant usage on sequence auth_events_seq, audit_log_seq to icw_app;
grant execute on function app_practice(), app_user(), app_setting(text), audit_row_hash(text, bigint, timestamptz, text[]),
  auth_events_parts(auth_events), audit_log_parts(audit_log) to icw_app;
