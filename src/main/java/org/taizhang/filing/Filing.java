package org.taizhang.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.catalog.CategorySource;
import org.taizhang.catalog.Classification;
import org.taizhang.text.ChineseDates;

/**
 * Files a document: its category and the date it states, each with where it came from and how sure
 * that is, kept per document in {@code document_inference}. A date is only ever one the document
 * states (its file name, 落款, a 时间： field, its title) or a photo's EXIF time; file-system and
 * template metadata are not its date, and a document that states none gets none and its clerk is
 * asked.
 */
@Service
public class Filing {
  static final String NO_DATE_QUESTION = "材料中没有写明日期，请填写材料日期。";

  /** Category codes of activity records and of activity photos (index-config/categories.txt). */
  private static final String ACTIVITY = "activity";

  private static final String PHOTO = "photo";

  /** A photo nothing else is known about is an activity photo: its media type says so. */
  private static final double PHOTO_BY_TYPE = Classification.CERTAIN;

  private final Catalog catalog;
  private final InferenceRepository inferences;

  Filing(Catalog catalog, InferenceRepository inferences) {
    this.catalog = catalog;
    this.inferences = inferences;
  }

  /** Works out where a document belongs; nothing is stored (see {@link #record}). */
  public Filed infer(Subject s) {
    Classification c = classify(s);
    String text = s.text() == null ? "" : s.text();
    LocalDate date = null;
    ChineseDates.Period period = null;
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
      ChineseDates.Period p = stated.get().period();
      period = p.first().equals(p.last()) ? null : p;
      dateSource =
          switch (stated.get().place()) {
            case TITLE -> DateSource.TITLE;
            case TEXT -> DateSource.TEXT;
            case SIGNATURE -> DateSource.SIGNATURE;
          };
    }
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
      questions.add(NO_DATE_QUESTION);
    }
    String question = questions.isEmpty() ? null : String.join(" ", questions);
    if (question != null && question.length() > 500) {
      question = question.substring(0, 500);
    }
    return new Filed(
        c.found().map(Category::code).orElse(null),
        date,
        period,
        new Inference(c.source(), c.confidence(), dateSource, question));
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

  /** Keeps how a stored document was filed. */
  public void record(long documentId, Inference inference) {
    inferences.put(documentId, inference);
  }

  /**
   * How a document was filed; empty for a document filed before this was recorded, which counts as
   * certain.
   */
  public Optional<Inference> inference(long documentId) {
    return inferences.find(documentId);
  }

  /** How each of the given documents was filed, by id; documents without a record are left out. */
  public Map<Long, Inference> inferences(Collection<Long> documentIds) {
    return inferences.find(documentIds);
  }

  /**
   * A person chose the document's category: it is certain now, and only a missing date is still
   * asked about.
   */
  public void categoryGiven(long documentId, boolean dated) {
    DateSource date =
        inferences
            .find(documentId)
            .map(Inference::dateSource)
            .orElse(dated ? DateSource.GIVEN : DateSource.NONE);
    if (dated && date == DateSource.NONE) {
      date = DateSource.GIVEN;
    }
    inferences.put(
        documentId,
        new Inference(
            CategorySource.GIVEN, 1, date, date == DateSource.NONE ? NO_DATE_QUESTION : null));
  }

  /** A person gave or cleared the document's date; the category's standing is kept. */
  public void dateGiven(long documentId, boolean dated) {
    Optional<Inference> before = inferences.find(documentId);
    if (before.isEmpty()) {
      return; // filed before inference was recorded: certain, and stays so
    }
    Inference b = before.get();
    String question = b.question();
    if (question != null) {
      question = question.replace(NO_DATE_QUESTION, "").strip();
    }
    if (!dated) {
      question = (question == null ? "" : question + " ") + NO_DATE_QUESTION;
    }
    inferences.put(
        documentId,
        new Inference(
            b.categorySource(),
            b.categoryConfidence(),
            dated ? DateSource.GIVEN : DateSource.NONE,
            question == null || question.isBlank() ? null : question.strip()));
  }
}
