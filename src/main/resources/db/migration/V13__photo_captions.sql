-- What a person wrote in an activity photo's caption (时间, 地点, 人物, 事由). A part left null here is
-- inferred each time the caption is read (the camera's time, the same day's activity record), so a
-- person's words win and stay when inference changes. A new version of a photo is a new document
-- and starts without a row: with the inferred caption.
create table photo_caption (
  document_id bigint        primary key references document(id) on delete cascade,
  taken_time  varchar(100),
  place       varchar(200),
  people      varchar(1000),
  subject     varchar(500),
  edited_by   varchar(100)  not null,
  edited_at   timestamp     not null
);
