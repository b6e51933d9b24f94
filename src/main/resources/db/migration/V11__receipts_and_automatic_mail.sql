-- Receipts and loop safety (issue 15). A request may ask for an acknowledgement of receipt; each recipient's first
-- receipt (through the link in the email, or a read receipt) is stamped with how it came. It is never the reply.
alter table request add column acknowledgement boolean default false not null;
alter table request_recipient add column acknowledged_at timestamp with time zone;
alter table request_recipient add column acknowledged_via varchar(16);  -- LINK or READ_RECEIPT

-- An automatic message over its recipient's daily limit is logged HELD until held_until (the next day), then sent
-- (or CANCELLED when no longer needed); about_code names the recipient an escalation is about, to compose it then.
alter table correspondence add column held_until timestamp with time zone;
alter table correspondence add column about_code varchar(16);
create index correspondence_held on correspondence (held_until);
-- the day's automatic messages of one recipient, counted before each is sent
create index correspondence_party_sent on correspondence (party_code, sent_at);
