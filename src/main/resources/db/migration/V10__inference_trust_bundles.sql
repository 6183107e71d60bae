-- How each document's category and date were worked out, and how sure that is. A row per document
-- stored after this version; a document without a row was filed before inference was recorded and
-- counts as certain. category_source: GIVEN (a person chose it), PATH (folder path), TITLE, STRUCTURE,
-- BODY, MODEL, NONE (未分类). date_source: GIVEN, FILE_NAME, TITLE, TEXT, SIGNATURE (the 落款), EXIF,
-- NONE (the document states no date). question: what the clerk is asked, or null.
create table document_inference (
  document_id         bigint           primary key references document(id) on delete cascade,
  category_source     varchar(16)      not null,
  category_confidence double precision not null,
  date_source         varchar(16)      not null,
  question            varchar(500)
);

-- What text recognition made of a document: the engine, the mean confidence (0–1) and whether it is
-- too low for the text to prove anything by itself (handwriting, a blurred photo).
alter table text_recognition add column engine varchar(32);
alter table text_recognition add column confidence double precision;
alter table text_recognition add column low_confidence boolean default false not null;

-- Required-content elements (时间、地点、主持人 …) a reviewer has confirmed by looking at the document,
-- for text the machine could not read with confidence.
create table element_confirmation (
  document_id  bigint       not null references document(id) on delete cascade,
  label        varchar(100) not null,
  confirmed_by varchar(100) not null,
  confirmed_at timestamp    not null,
  primary key (document_id, label)
);

-- A mail attachment is a document of its own, linked to the message it came with.
create table document_attachment (
  document_id bigint primary key references document(id) on delete cascade,
  message_id  bigint not null references document(id) on delete cascade
);

create index document_attachment_message on document_attachment(message_id);
