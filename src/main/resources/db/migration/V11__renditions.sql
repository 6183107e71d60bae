-- PDF renditions of Word, Excel, presentation, Kingsoft, OFD and text files, by content: one row per
-- content hash converted (READY, with its page count and converter) or that could not be (FAILED,
-- with the reason). The PDFs themselves are derived files under the data directory, safe to delete;
-- the page counts stay here so catalogues keep them. Contents not tried yet have no row.
create table rendition (
  sha256     char(64)      primary key,
  state      varchar(16)   not null,
  pages      integer,
  converter  varchar(100),
  error      varchar(1000),
  millis     bigint,
  updated_at timestamp     not null
);
