-- Working-day deadlines (issue 15): whose working days count for a party. A country counts in its own calendar; an
-- organization in the calendar of the country of the office that answers the Secretariat (its regional office).
-- The holidays themselves are not in the database: the Secretariat edits them in the holiday file
-- (docs/calendar.md). Null: the party's own code (a country), or weekends only.
alter table directory_party add column calendar_country varchar(2);
alter table directory_party add constraint directory_party_calendar_country
    check (calendar_country is null or char_length(calendar_country) = 2);

update directory_party set calendar_country = code where kind = 'COUNTRY';
-- the regional offices the requests go to
update directory_party set calendar_country = 'CR' where code = 'IOM';   -- IOM regional office, San José
update directory_party set calendar_country = 'US' where code = 'PAHO';  -- PAHO headquarters, Washington, D.C.
update directory_party set calendar_country = 'MX' where code = 'ICRC';  -- ICRC regional delegation, Mexico City
update directory_party set calendar_country = 'PA' where code = 'UNHCR'; -- UNHCR regional bureau, Panama City
update directory_party set calendar_country = 'PA' where code = 'UNODC'; -- UNODC regional office, Panama City
update directory_party set calendar_country = 'AR' where code = 'CSM';   -- SACM Technical Secretariat, Buenos Aires

-- A request's due date may be given in working days instead of a date: the number is kept, and each recipient's
-- due date (request_recipient.reply_due) is counted in its own calendar; request.reply_due is the latest of them.
alter table request add column reply_due_working_days integer;
alter table request add constraint request_reply_due_working_days
    check (reply_due_working_days is null or reply_due_working_days > 0);
