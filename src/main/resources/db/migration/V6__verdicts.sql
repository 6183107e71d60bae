-- Verdicts an office can trust: hand grades of 实地考察 and 问卷调查 indicators, and the name of the
-- person behind every grade change (reports credit people by name, not by login). One schema for
-- H2 (MODE=PostgreSQL) and PostgreSQL.

-- 人工评定: a reviewer's grade of an indicator judged in the field or by survey, with a note and the
-- day it was assessed; withdrawing deletes the row (the audit log keeps both).
create table completeness_hand_grade (
  unit_code        varchar(64)   not null references unit(code),
  eval_year        integer       not null,
  indicator_code   varchar(64)   not null,
  grade_code       varchar(2)    not null,
  note             varchar(1000) not null,
  assessed_on      date          not null,
  created_by       varchar(64)   not null,
  created_by_name  varchar(100),
  created_at       timestamp     not null,
  primary key (unit_code, eval_year, indicator_code)
);

-- The author's name at the time; rows from before this version read it from the account.
alter table completeness_override add column created_by_name varchar(100);
alter table completeness_veto add column created_by_name varchar(100);
