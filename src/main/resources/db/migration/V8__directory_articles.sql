-- The article each name takes in a sentence (issue "Mail that reads right"): the request email says "se dirige a la
-- Organización Panamericana de la Salud (OPS)", "se dirige al Comité Internacional de la Cruz Roja (CICR)", "addresses
-- the following request to the International Organization for Migration (IOM)". Null where the name takes none
-- ("Honduras", "México", "Canada"), and where the article is part of the name and written with it ("El Salvador": "a
-- El Salvador", never "al"). Spanish "a" and "de" contract with "el" ("al", "del"): Party.after does that.
alter table directory_party add column article_es varchar(3);
alter table directory_party add column article_en varchar(3);
alter table directory_party add constraint directory_party_article_es check (article_es in ('el', 'la', 'los', 'las'));
alter table directory_party add constraint directory_party_article_en check (article_en in ('the'));

update directory_party set article_es = 'la', article_en = 'the' where code in ('IOM', 'PAHO', 'UNODC', 'CSM');
update directory_party set article_es = 'el', article_en = 'the' where code in ('ICRC', 'UNHCR');
-- "la República Dominicana", "the Dominican Republic"; "Estados Unidos de América" without an article (it then
-- agrees in the singular, as the emails' sentences do: "Estados Unidos de América no ha respondido"), "the United
-- States of America" with one
update directory_party set article_es = 'la', article_en = 'the' where code = 'DO';
update directory_party set article_en = 'the' where code = 'US';
