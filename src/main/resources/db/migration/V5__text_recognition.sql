-- Scanned PDFs and their OCR: a row for each document that needs it (PENDING), has had it (DONE)
-- or could not have it (FAILED, with the reason). Documents with a text layer have no row.
create table text_recognition (
  document_id bigint        primary key references document(id) on delete cascade,
  state       varchar(16)   not null,
  detail      varchar(1000),
  updated_at  timestamp     not null
);

create index text_recognition_state on text_recognition(state, document_id);
