package org.taizhang.archive;

import java.time.Instant;
import java.time.LocalDate;
import org.taizhang.extract.DocumentMetadata;

/** A document about to be recorded, with its extracted text. */
public record NewDocument(
    String unitCode,
    String category,
    String title,
    LocalDate date,
    int year,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Integer pageCount,
    DocumentMetadata metadata,
    String text,
    boolean textTruncated,
    String uploadedBy,
    Instant uploadedAt) {}
