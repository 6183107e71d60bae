package org.taizhang.rendition;

import java.nio.file.Path;

/**
 * A document as PDF: the file (derived data under the data directory, which may be deleted at any
 * time and is then made again), its page count, and what made it ({@code LibreOffice}, {@code
 * OFD}).
 */
public record Rendition(Path pdf, int pages, String converter) {}
