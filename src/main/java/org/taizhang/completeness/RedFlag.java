package org.taizhang.completeness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Something a reviewer should look at although no rule fails: an unfilled template, a photo whose
 * time does not match its activity, a summary nearly identical to an earlier one of another unit,
 * material made up in bulk. {@code kind} is one of PLACEHOLDER, PHOTO_TIME_MISMATCH,
 * NEAR_DUPLICATE, BACKFILLED.
 *
 * <p>{@code text} and {@code documents} name only the unit's own material. A near-copy's source
 * belongs to another unit, which not every reader may see: it travels in {@code source}, never
 * written out, and {@link #forReader} names it only to a reader who may see that unit.
 */
public record RedFlag(String kind, String text, List<Long> documents, @JsonIgnore Source source) {
  public RedFlag {
    documents = List.copyOf(documents);
  }

  public RedFlag(String kind, String text, List<Long> documents) {
    this(kind, text, documents, null);
  }

  /**
   * Another unit's document a flag concerns.
   *
   * @param unit the other unit's code
   * @param document the other document's id
   * @param text the flag's text naming the other unit and document
   */
  public record Source(String unit, long document, String text) {}

  /** The flag as a reader who sees the units {@code sees} accepts may read it. */
  public RedFlag forReader(Predicate<String> sees) {
    if (source == null || !sees.test(source.unit())) {
      return source == null ? this : new RedFlag(kind, text, documents, null);
    }
    List<Long> both = new ArrayList<>(documents);
    both.add(source.document());
    return new RedFlag(kind, source.text(), both, null);
  }
}
