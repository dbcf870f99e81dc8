-- A session row can only name the practice the transaction is scoped to (or none), and the
-- access logs cannot be emptied with TRUNCATE, not even by the owner.

drop policy sessions_own on sessions;
create policy sessions_own on sessions
  using (token_hash = app_setting('app.session_token') or user_id = app_user() or practice_id = app_practice())
  with check (user_id = app_user() and (practice_id is null or practice_id = app_practice()));

create trigger auth_events_no_truncate before truncate on auth_events for each statement execute function refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function refuse_change();
