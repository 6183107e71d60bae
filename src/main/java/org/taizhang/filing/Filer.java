package org.taizhang.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.catalog.CategorySource;
import org.taizhang.catalog.Classification;
import org.taizhang.text.ChineseDates;

/**
 * Works out a document's category and date from what it is and says, with where each came from;
 * holds nothing but the catalog, so that tools measure the very rules the service files by.
 */
public final class Filer {
  /** Category codes of activity records and of activity photos (index-config/categories.txt). */
  private static final String ACTIVITY = "activity";

  private static final String PHOTO = "photo";

  /** A photo nothing else is known about is an activity photo: its media type says so. */
  private static final double PHOTO_BY_TYPE = Classification.CERTAIN;

  private final Catalog catalog;

  /**
   * The search's character folding (traditional to simplified, full-width to half-width), so that
   * 臺帳管理辦法 is filed as 台账管理办法 would be.
   */
  private final UnaryOperator<String> fold;

  public Filer(Catalog catalog, UnaryOperator<String> fold) {
    this.catalog = catalog;
    this.fold = fold;
  }

  /** Works out where a document belongs. */
  public Filed infer(Subject s) {
    Classification c =
        classify(
            new Subject(
                fold(s.title()),
                fold(s.fileName()),
                fold(s.text()),
                s.mediaType(),
                s.takenAt(),
                s.category(),
                s.categoryFromPath(),
                s.date()));
    String text = s.text() == null ? "" : s.text();
    LocalDate date = null;
    ChineseDates.Period period = null;
    ChineseDates.Period dated = null;
    DateSource dateSource = DateSource.NONE;
    Optional<ChineseDates.Stated> stated = ChineseDates.statedIn(text);
    Optional<LocalDate> inFileName = ChineseDates.first(s.fileName());
    if (s.date() != null) {
      date = s.date();
      dateSource = DateSource.GIVEN;
    } else if (inFileName.isPresent()) {
      date = inFileName.get();
      dateSource = DateSource.FILE_NAME;
    } else if (s.image() && s.takenAt() != null) {
      date = s.takenAt().toLocalDate();
      dateSource = DateSource.EXIF;
    } else if (ChineseDates.first(s.title()).isPresent()) {
      date = ChineseDates.first(s.title()).get();
      dateSource = DateSource.TITLE;
    } else if (stated.isPresent()) {
      date = stated.get().day();
      // a range (2024年3月1日至3月5日) or a month (2019年7月) is the period; a day is only the date
      ChineseDates.Period p = stated.get().period();
      period = p.first().equals(p.last()) ? null : p;
      dated = p;
      dateSource =
          switch (stated.get().place()) {
            case TITLE -> DateSource.TITLE;
            case TEXT -> DateSource.TEXT;
            case SIGNATURE -> DateSource.SIGNATURE;
          };
    }
    if (date != null) {
      dated = new ChineseDates.Period(date, date);
    }
    // What the title says the document is about (2025年上半年工作小结) places it, even when it is dated
    // in a later month.
    Optional<ChineseDates.Period> titled = statedPeriod(s.title(), s.fileName(), text);
    if (titled.isPresent()) {
      period = titled.get();
      if (dateSource == DateSource.NONE) {
        dateSource = DateSource.TITLE;
      }
    }
    List<String> questions = new ArrayList<>();
    if (c.question() != null) {
      questions.add(c.question());
    }
    if (dateSource == DateSource.NONE) {
      questions.add(Filing.NO_DATE_QUESTION);
    }
    String question = questions.isEmpty() ? null : String.join(" ", questions);
    if (question != null && question.length() > 500) {
      question = question.substring(0, 500);
    }
    return new Filed(
        c.found().map(Category::code).orElse(null),
        date,
        period,
        dated,
        new Inference(c.source(), c.confidence(), dateSource, question));
  }

  private String fold(String s) {
    return s == null ? null : fold.apply(s);
  }

  private Classification classify(Subject s) {
    if (s.category() != null) {
      return Classification.given(
          s.category(), s.categoryFromPath() ? CategorySource.PATH : CategorySource.GIVEN);
    }
    Classification c = catalog.classify(s.title(), s.fileName(), s.text());
    if (!s.image()) {
      return c;
    }
    Optional<Category> photo = catalog.category(PHOTO);
    if (photo.isEmpty()) {
      return c;
    }
    if (c.category() != null && c.category().code().equals(ACTIVITY)) {
      // a photo of an activity is the activity's photo, not its written record
      return new Classification(photo.get(), c.source(), c.confidence(), c.question());
    }
    if (c.category() == null) {
      return new Classification(photo.get(), CategorySource.STRUCTURE, PHOTO_BY_TYPE, null);
    }
    return c;
  }

  /**
   * The period a document states in its given title, else its file name, else the title lines of
   * its text (2025年第三季度, 2025年度, 2019年7月); none is guessed.
   */
  public static Optional<ChineseDates.Period> statedPeriod(
      String title, String fileName, String text) {
    Optional<ChineseDates.Period> p =
        ChineseDates.stated(title).or(() -> ChineseDates.stated(baseName(fileName)));
    if (p.isPresent() || text == null) {
      return p;
    }
    List<String> lines =
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).toList();
    for (String line : lines) {
      // a title line, not a sentence of the body that mentions a year
      if (line.length() <= 40 && !line.matches(".*[，。；：:].*")) {
        Optional<ChineseDates.Period> inLine = ChineseDates.stated(line);
        if (inLine.isPresent()) {
          return inLine;
        }
      }
    }
    return Optional.empty();
  }

  private static String baseName(String fileName) {
    if (fileName == null) {
      return null;
    }
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
