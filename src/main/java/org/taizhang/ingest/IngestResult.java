package org.taizhang.ingest;

import org.taizhang.archive.Document;

/**
 * The stored document; {@code duplicate} when the unit already had identical content and nothing
 * new was stored.
 */
public record IngestResult(Document document, boolean duplicate) {}
