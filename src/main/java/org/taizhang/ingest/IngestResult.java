package org.taizhang.ingest;

import org.taizhang.archive.Document;
import org.taizhang.filing.Inference;

/**
 * The stored document; {@code duplicate} when the unit already had identical content and nothing
 * new was stored. {@code inference} says how it was filed and what the clerk is asked; null for a
 * document filed before that was recorded.
 */
public record IngestResult(Document document, boolean duplicate, Inference inference) {
  public IngestResult(Document document, boolean duplicate) {
    this(document, duplicate, null);
  }
}
