-- Meetings and their numbered agreements ("1a", "2c"...), imported from YAML files.
create table meeting (
    id          varchar(80)  primary key,   -- chosen in the YAML file, e.g. gah-panama-2016-07
    name        varchar(500) not null,
    place       varchar(200) not null,
    starts_on   date         not null,
    ends_on     date         not null,
    language    varchar(2)   not null,
    imported_at timestamp with time zone not null
);

create table agreement (
    meeting_id  varchar(80)   not null references meeting (id),
    number      varchar(10)   not null,
    text        varchar(4000) not null,
    responsible varchar(200)  not null,
    due_on      date,
    position    integer       not null,  -- order in the meeting's conclusions
    primary key (meeting_id, number)
);

-- A request made for an agreement; the position tells an agreement's requests apart, which makes import idempotent.
alter table request add column meeting_id varchar(80);
alter table request add column agreement_number varchar(10);
alter table request add column agreement_position integer;
create unique index request_agreement on request (meeting_id, agreement_number, agreement_position);

-- What the registry pages filter and sort on (stays fast with 100,000 requests).
create index request_created on request (created_at, reference);
create index request_state_created on request (state, created_at);
create index request_recipient_due on request_recipient (state, reply_due);
