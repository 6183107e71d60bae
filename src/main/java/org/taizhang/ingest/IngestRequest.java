package org.taizhang.ingest;

import java.time.LocalDate;

/**
 * What is known about a file before it is read: the unit it belongs to, and optionally its
 * category, date, title and archive year. Anything left null is inferred from the content.
 */
public record IngestRequest(String unit, String category, LocalDate date, String title, Integer year,
    String fileName, String uploadedBy) {}
