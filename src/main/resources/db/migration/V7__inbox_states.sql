-- The inbox (issue 11): every inbound message has a state it can be found in, and its delivery is retried background
-- work claimed by one node at a time: RECEIVED (stored, waiting to be read and delivered), DELIVERED (to its
-- recipient's instance, or as a delivery failure), LOGGED (auto-reply, soft bounce), TRIAGE, FAILED (retries spent;
-- an operator retries it).
alter table correspondence add column inbox_state varchar(12);
alter table correspondence add column attempts integer default 0 not null;
alter table correspondence add column next_attempt_at timestamp with time zone;
alter table correspondence add column claimed_by varchar(100);
alter table correspondence add column claimed_until timestamp with time zone;
alter table correspondence add column last_error varchar(2000);
-- before the inbox, a message was acted on as it was stored: matched ones were delivered, the rest triaged
update correspondence set inbox_state = case when reference is null then 'TRIAGE' else 'DELIVERED' end
where direction = 'IN';
create index correspondence_inbox on correspondence (inbox_state, next_attempt_at);
