package org.taizhang.caption;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.archive.Document;

/**
 * Works out a photo's caption from what the archive already says: the time from the camera (or the
 * document's date), and 地点, 人物 and 事由 from the activity the photo belongs to — the mail it came
 * attached to, or a record of the same unit on the same day (an activity record, meeting minutes, a
 * sign-in sheet) whose text states them under the labels such records use (地点：, 参加人员：, 活动主题： …). A
 * record that names no 事由 gives its title. Labels are read in the search's folded form, so “地點：”
 * and “地点:” are one label, and the value is taken from the original text.
 */
final class CaptionInference {
  /** The categories whose records describe an activity, in the order they are trusted. */
  static final List<String> ACTIVITY_CATEGORIES = List.of("activity", "meeting", "sign-in");

  private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private static final Pattern PLACE = label("(?:活动|会议|培训|服务)?地\\s*点");
  private static final Pattern PEOPLE =
      label("参加人员|参会人员|出席人员|参与人员|与会人员|参训人员|参加对象|参加人|出\\s*席|参\\s*加");
  private static final Pattern SUBJECT = label("活动主题|会议主题|会议议题|活动名称|会议名称|议\\s*题|主\\s*题");

  /** Where a value ends on its line: the next label (two to six characters and a colon). */
  private static final Pattern NEXT_LABEL =
      Pattern.compile("(?:\\s+|[|｜])[\\p{IsHan}]{2,6}\\s*:|[|｜\\t]");

  /** Unfilled template text (×××, XX, 20xx年), in folded form. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("×{2,}|(?<![a-z])x{2,}(?![a-z])|(?:19|20)[x×]{2}|○{3,}|_{3,}");

  private static final int PLACE_CHARS = 100;
  private static final int PEOPLE_CHARS = 200;
  private static final int SUBJECT_CHARS = 100;

  private final UnaryOperator<String> fold;

  CaptionInference(UnaryOperator<String> fold) {
    this.fold = fold;
  }

  private static Pattern label(String names) {
    return Pattern.compile("(?m)(?:^|[\\s|｜])(?:" + names + ")\\s*:[ \\t\\u00A0]*([^\\r\\n]*)");
  }

  /** The day a photo shows: the camera's, else the document's date. */
  static Optional<LocalDate> day(Document photo) {
    if (photo.metadata() != null && photo.metadata().takenAt() != null) {
      return Optional.of(photo.metadata().takenAt().toLocalDate());
    }
    return Optional.ofNullable(photo.date());
  }

  static String time(Document photo) {
    if (photo.metadata() != null && photo.metadata().takenAt() != null) {
      return TAKEN.format(photo.metadata().takenAt());
    }
    return photo.date() == null ? null : DAY.format(photo.date());
  }

  /**
   * The photo's inferred caption.
   *
   * @param message the mail the photo came attached to, or null
   * @param unitDocuments the unit's current documents (the photo's activity records among them)
   * @param text the extracted text of a document
   */
  PhotoCaption infer(
      Document photo, Document message, List<Document> unitDocuments, LongFunction<String> text) {
    List<Document> records = new ArrayList<>();
    if (message != null) {
      records.add(message);
    }
    records.addAll(sameDay(photo, unitDocuments));
    String place = null;
    String people = null;
    String subject = null;
    String title = null;
    for (Document r : records) {
      Map<String, String> found = fields(text.apply(r.id()));
      place = place != null ? place : found.get("place");
      people = people != null ? people : found.get("people");
      subject = subject != null ? subject : found.get("subject");
      if (title == null && r.title() != null && !r.title().isBlank()) {
        title = r.title().strip();
      }
    }
    return new PhotoCaption(time(photo), place, people, subject != null ? subject : title);
  }

  /** The activity records of the photo's day, the most trusted category first. */
  static List<Document> sameDay(Document photo, List<Document> unitDocuments) {
    Optional<LocalDate> day = day(photo);
    if (day.isEmpty()) {
      return List.of();
    }
    return unitDocuments.stream()
        .filter(d -> d.id() != photo.id() && d.unitCode().equals(photo.unitCode()))
        .filter(d -> day.get().equals(d.date()))
        .filter(d -> d.category() != null && ACTIVITY_CATEGORIES.contains(d.category()))
        .filter(d -> d.mediaType() == null || !d.mediaType().startsWith("image/"))
        .sorted(
            Comparator.comparingInt((Document d) -> ACTIVITY_CATEGORIES.indexOf(d.category()))
                .thenComparingLong(Document::id))
        .toList();
  }

  /** 地点, 人物 and 事由 as a record's text states them; absent keys were not stated. */
  Map<String, String> fields(String text) {
    if (text == null || text.isEmpty()) {
      return Map.of();
    }
    String folded = fold.apply(text);
    // folding maps character to character; should that ever change, read the folded text
    String original = folded.length() == text.length() ? text : folded;
    Map<String, String> out = new java.util.HashMap<>();
    value(PLACE, folded, original, PLACE_CHARS).ifPresent(v -> out.put("place", v));
    value(PEOPLE, folded, original, PEOPLE_CHARS).ifPresent(v -> out.put("people", v));
    value(SUBJECT, folded, original, SUBJECT_CHARS).ifPresent(v -> out.put("subject", v));
    return out;
  }

  /**
   * The first filled-in value of the label: the rest of its line up to the next label, or — for a
   * label alone on its line, as lists of participants are written — the next line.
   */
  private static Optional<String> value(Pattern label, String folded, String original, int max) {
    Matcher m = label.matcher(folded);
    while (m.find()) {
      int start = m.start(1);
      int end = m.end(1);
      if (folded.substring(start, end).isBlank()) {
        int next = end;
        while (next < folded.length()
            && (folded.charAt(next) == '\r' || folded.charAt(next) == '\n')) {
          next++;
        }
        int lineEnd = next;
        while (lineEnd < folded.length()
            && folded.charAt(lineEnd) != '\r'
            && folded.charAt(lineEnd) != '\n') {
          lineEnd++;
        }
        if (folded.substring(next, lineEnd).contains(":")) {
          continue;
        }
        start = next;
        end = lineEnd;
      }
      Matcher stop = NEXT_LABEL.matcher(folded).region(start, end);
      if (stop.find()) {
        end = stop.start();
      }
      String f = folded.substring(start, end).strip();
      if (f.isEmpty() || PLACEHOLDER.matcher(f).find()) {
        continue;
      }
      String v = original.substring(start, end).strip().replaceAll("[。；;，,]+$", "");
      if (v.isEmpty()) {
        continue;
      }
      return Optional.of(shorten(v, max));
    }
    return Optional.empty();
  }

  /** At most {@code max} characters; a cut list of names ends with 等. */
  static String shorten(String v, int max) {
    if (v.length() <= max) {
      return v;
    }
    String cut = v.substring(0, max);
    int sep = Math.max(cut.lastIndexOf('、'), Math.max(cut.lastIndexOf('，'), cut.lastIndexOf(',')));
    return (sep > max / 2 ? cut.substring(0, sep) : cut) + "等";
  }
}
