-- A corrected encounter replaces the returned one (issue 13). A coder finalizes a returned
-- encounter again with `replaces`: the returned one becomes 'replaced', names its successor in
-- `replaced_by`, and is never counted, listed as open work nor decided on again. Each returned
-- encounter is replaced at most once, and each new encounter replaces at most one.

alter table encounters drop constraint encounters_review_check;
alter table encounters add constraint encounters_review_check
  check (review in ('not-needed', 'pending', 'approved', 'returned', 'replaced'));
alter table encounters add column replaced_by uuid references encounters (id);
alter table encounters add constraint encounters_replaced_state
  check ((review = 'replaced') = (replaced_by is not null));
create unique index encounters_replaced_by on encounters (replaced_by) where replaced_by is not null;

-- Idempotency keys are kept for a retention (IDEMPOTENCY_RETENTION_DAYS, 8 by default), then
-- pruned by the server at start and every hour. The keys of every practice are pruned at once by
-- a function that runs as the schema owner (the application role sees only its own person's
-- keys); forced row security binds the owner too, so a policy lets the owner, and only the owner,
-- reach every row. Clients hold back an outbox entry older than the retention less a day, so
-- a pruned key is never replayed.
create index idempotency_keys_created on idempotency_keys (created_at);
do $$ begin
  execute format('create policy idempotency_keys_owner_prunes on idempotency_keys for all to %I using (true) with check (true)', current_user);
end $$;
create function prune_idempotency_keys(cutoff timestamptz) returns bigint
  language sql security definer set search_path = public, pg_temp as $$
  with gone as (delete from idempotency_keys where created_at < cutoff returning 1) select count(*) from gone
$$;
revoke execute on function prune_idempotency_keys(timestamptz) from public;
grant execute on function prune_idempotency_keys(timestamptz) to icw_app;
