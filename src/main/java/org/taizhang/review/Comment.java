package org.taizhang.review;

import java.time.Instant;

/** A reviewer's remark on a document. */
record Comment(long id, long documentId, String author, String body, Instant createdAt) {}
