-- The Troika's decisions are part of the record (issue 10): each country's decision and comment per approval round,
-- read by the model's gateways instead of process variables that a task user could write. A round is one pass of
-- the draft through the Troika; completing the draft opens the next one.
alter table request add column approval_round integer default 0 not null;

create table approval_decision (
    reference      varchar(20)  not null references request (reference),
    approval_round integer      not null,
    country_code   varchar(16)  not null,
    decision       varchar(16)  not null,
    comment        varchar(4000),
    decided_by     varchar(100),
    decided_at     timestamp with time zone not null,
    primary key (reference, approval_round, country_code)
);
