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
