package org.taizhang.extract;

/**
 * The result of reading one file: its detected media type, its text (possibly cut at the configured
 * limit), its page count where the format has pages, and its metadata.
 */
public record Extraction(
    String mediaType,
    String text,
    boolean truncated,
    Integer pageCount,
    DocumentMetadata metadata) {}
