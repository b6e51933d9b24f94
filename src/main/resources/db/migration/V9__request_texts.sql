-- Requests in both working languages (issue "Requests in both languages"): the request row keeps the subject and body
-- in the request's own language (request.language), as before; request_text holds the same request in the other
-- working language, when the Secretariat wrote it in both. Each recipient's email takes the text in the recipient's
-- language, else the request's own with a line saying which language it is in.
create table request_text (
    reference varchar(20)      not null references request (reference),
    language  varchar(2)       not null,
    subject   varchar(500)     not null,
    body      varchar(1000000) not null,
    primary key (reference, language)
);
