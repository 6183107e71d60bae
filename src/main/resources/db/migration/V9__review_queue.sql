-- The to-do lists read the documents of one review state, oldest first, a page at a time.
create index document_review_queue on document(review_status, uploaded_at);
