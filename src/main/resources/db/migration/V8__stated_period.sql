-- The period a document states it is about (2025年第三季度, 2025年上半年, 2025年度), read from its
-- file name or title or set by hand; empty when none is stated. doc_date stays the day the
-- document is dated or a photo was taken: a period is no date, and no date is made up from it.
alter table document add column period_start date;
alter table document add column period_end date;
