-- A request's first statement: switch to icw_app, find the session by its token's hash, scope
-- the transaction to its person and practice, and answer the session, the person and their
-- active role in that practice, in one round trip instead of five.

create function app_session(token text) returns table (
  session_id uuid, token_hash text, user_id uuid, practice_id uuid, state text,
  created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz,
  email text, name text, password_hash text, totp_secret text, totp_enabled boolean, totp_last_step bigint,
  practice_name text, idle_timeout_minutes int, two_factor_roles text[], role text
) language plpgsql as $$
#variable_conflict use_column
declare
  s sessions;
begin
  perform set_config('role', 'icw_app', true);
  perform set_config('app.session_token', coalesce(token, ''), true);
  perform set_config('app.invite_token', '', true);
  select * into s from sessions where sessions.token_hash = token;
  if not found then
    perform set_config('app.user_id', '', true);
    perform set_config('app.practice_id', '', true);
    return;
  end if;
  perform set_config('app.user_id', s.user_id::text, true);
  perform set_config('app.practice_id', coalesce(s.practice_id::text, ''), true);
  return query
    select s.id, s.token_hash, s.user_id, s.practice_id, s.state, s.created_at, s.last_seen_at, s.expires_at,
      u.email, u.name, u.password_hash, u.totp_secret, u.totp_enabled, u.totp_last_step,
      p.name, p.idle_timeout_minutes, p.two_factor_roles, m.role
    from users u
    left join memberships m on m.user_id = u.id and m.practice_id = s.practice_id and m.active
    left join practices p on p.id = m.practice_id
    where u.id = s.user_id;
end $$;

grant execute on function app_session(text) to icw_app;
