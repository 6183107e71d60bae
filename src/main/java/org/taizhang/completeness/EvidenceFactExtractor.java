package org.taizhang.completeness;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.archive.Document;
import org.taizhang.text.DocumentNumbers;

/**
 * Works out a document's {@link EvidenceFact} from its row and extracted text. The text is folded
 * first (full-width to half-width, traditional to simplified, as the search index does), so that
 * “記錄人：” and “记录人:” are the same label.
 */
final class EvidenceFactExtractor {
  /** Unfilled template text, in folded form (ＸＸ and XX are both “xx” by then). */
  static final Pattern PLACEHOLDER =
      Pattern.compile(
          "×{2,}|(?<![a-z])x{2,}(?![a-z])|(?:19|20)[x×]{2}|[x×]{1,2}\\s*月\\s*[x×]{1,2}\\s*日|○{3,}");

  private final UnaryOperator<String> fold;
  private final Map<String, Pattern> labels = new LinkedHashMap<>();
  private final Set<String> compared;

  /**
   * @param fold the search index's character folding
   * @param contentLabels every required-content label of the configured systems
   * @param comparedCategories categories whose text gets a near-duplicate signature
   */
  EvidenceFactExtractor(
      UnaryOperator<String> fold, Set<String> contentLabels, Set<String> comparedCategories) {
    this.fold = fold;
    for (String label : contentLabels) {
      // the label, a colon and the rest of the same line; folding turned “：” into “:” and “　” into
      // a space
      labels.put(
          label, Pattern.compile(Pattern.quote(fold.apply(label)) + "[ \\t\\u00A0]*:([^\\r\\n]*)"));
    }
    this.compared = Set.copyOf(comparedCategories);
  }

  /**
   * Whether the facts this extractor gives hold everything lists with these labels and compared
   * categories need.
   */
  boolean covers(Set<String> contentLabels, Set<String> comparedCategories) {
    return labels.keySet().containsAll(contentLabels) && compared.containsAll(comparedCategories);
  }

  EvidenceFact extract(Document d, String text) {
    return extract(d, text, DocumentTrust.CERTAIN);
  }

  /**
   * The facts as far as they can be trusted: text recognised with low confidence stays searchable
   * but proves no required content by itself, so only the labels a reviewer confirmed count for it;
   * for other text, confirmed labels count as well as those found filled in.
   */
  EvidenceFact extract(Document d, String text, DocumentTrust trust) {
    String folded = fold.apply(text == null ? "" : text);
    Set<String> filled = new LinkedHashSet<>();
    if (!trust.lowConfidenceText()) {
      filled.addAll(filledLabels(folded));
    }
    filled.addAll(trust.confirmed());
    EvidenceFact.Doubts doubts =
        new EvidenceFact.Doubts(
            trust.lowConfidenceText(),
            d.category() != null && trust.categoryUnsure() ? trust.categoryConfidence() : null,
            trust.dateUnstated() && d.date() == null && d.period() == null);
    int[] signature =
        d.category() != null && compared.contains(d.category())
            ? NearDuplicateIndex.signature(folded)
            : null;
    return new EvidenceFact(
        d.id(),
        d.unitCode(),
        d.category(),
        d.title(),
        d.date(),
        d.year(),
        d.mediaType() != null && d.mediaType().startsWith("image/"),
        DocumentNumbers.present(folded),
        filled,
        // misread handwriting (“××”, “XX”) is no unfilled template
        !trust.lowConfidenceText() && PLACEHOLDER.matcher(folded).find(),
        d.metadata() == null ? null : d.metadata().takenAt(),
        d.metadata() == null || d.metadata().created() == null
            ? null
            : d.metadata().created().toLocalDate(),
        signature,
        d.period(),
        d.review(),
        doubts);
  }

  /** The configured labels the text shows filled in, whatever its recognition confidence. */
  Set<String> labelsInText(String text) {
    return filledLabels(fold.apply(text == null ? "" : text));
  }

  private Set<String> filledLabels(String folded) {
    Set<String> filled = new LinkedHashSet<>();
    labels.forEach(
        (label, pattern) -> {
          if (filledIn(pattern, folded)) {
            filled.add(label);
          }
        });
    return filled;
  }

  /**
   * Some occurrence of the label carries real content: not blank, and not template placeholders.
   */
  private static boolean filledIn(Pattern label, String folded) {
    Matcher m = label.matcher(folded);
    while (m.find()) {
      String content = m.group(1).strip();
      if (!content.isEmpty() && !PLACEHOLDER.matcher(content).find()) {
        return true;
      }
    }
    return false;
  }
}
