package org.taizhang.completeness;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.taizhang.archive.Review;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.catalog.Catalog;

/** Hand-made evidence facts and evaluation systems for tests that need no database. */
final class TestFacts {
  static final Catalog CATALOG = Catalog.load(Path.of("index-config"));
  static final List<String> MEETING_LABELS = List.of("时间", "地点", "主持人", "参会人员", "记录人", "议题");
  private static final AtomicLong IDS = new AtomicLong(1000);

  private TestFacts() {}

  /** A system parsed from YAML text, as if read from a file named {@code test.yaml}. */
  static EvaluationSystem system(String yaml) {
    return RequiredListParser.parse(Path.of("test.yaml"), yaml, CATALOG, new HashMap<>());
  }

  static RequiredLists lists(EvaluationSystem... systems) {
    return RequiredLists.of(List.of(systems));
  }

  /**
   * A fact builder: a current document of a unit with a category, a date and archive year from it.
   */
  static Builder doc(String unit, String category, String date) {
    return new Builder(unit, category, date == null ? null : LocalDate.parse(date));
  }

  static final class Builder {
    long id = IDS.incrementAndGet();
    final String unit;
    final String category;
    LocalDate date;
    int year;
    String title;
    boolean image;
    boolean formal;
    Set<String> labels = Set.of();
    boolean placeholder;
    LocalDateTime takenAt;
    LocalDate created;
    int[] signature;
    Review review = Review.SUBMITTED;
    EvidenceFact.Doubts doubts = EvidenceFact.Doubts.NONE;

    Builder(String unit, String category, LocalDate date) {
      this.unit = unit;
      this.category = category;
      this.date = date;
      this.year = date == null ? 2025 : date.getYear();
      this.title = category + (date == null ? "" : " " + date);
    }

    Builder id(long id) {
      this.id = id;
      return this;
    }

    Builder year(int year) {
      this.year = year;
      return this;
    }

    Builder title(String title) {
      this.title = title;
      return this;
    }

    Builder image() {
      this.image = true;
      return this;
    }

    Builder formal() {
      this.formal = true;
      return this;
    }

    Builder labels(List<String> labels) {
      this.labels = Set.copyOf(labels);
      return this;
    }

    Builder placeholder() {
      this.placeholder = true;
      return this;
    }

    Builder takenAt(String t) {
      this.takenAt = LocalDateTime.parse(t);
      return this;
    }

    Builder created(String d) {
      this.created = LocalDate.parse(d);
      return this;
    }

    Builder signature(int[] s) {
      this.signature = s;
      return this;
    }

    /** Returned by a reviewer (退回) with a reason and a deadline. */
    Builder returned(String reason, String deadline) {
      this.review =
          new Review(
              ReviewStatus.RETURNED, reason, LocalDate.parse(deadline), "reviewer", Instant.EPOCH);
      return this;
    }

    /** Something about it waits for a person's confirmation (待确认). */
    Builder doubts(EvidenceFact.Doubts doubts) {
      this.doubts = doubts;
      return this;
    }

    EvidenceFact build() {
      return new EvidenceFact(
          id,
          unit,
          category,
          title,
          date,
          year,
          image,
          formal,
          labels,
          placeholder,
          takenAt,
          created,
          signature,
          null,
          review,
          doubts);
    }
  }

  /**
   * What the sample generator files for a complete unit in a year: a formal leading-group notice, a
   * plan, a responsibility letter, one full meeting record per quarter, a sign-in sheet, an
   * activity record with a photo, a half-year and a year-end summary.
   */
  static List<EvidenceFact> completeYear(String unit, int year) {
    return List.of(
        doc(unit, "leading-group", year + "-03-06").formal().build(),
        doc(unit, "plan", year + "-03-11").build(),
        doc(unit, "responsibility", year + "-03-21").build(),
        doc(unit, "meeting", year + "-03-04").labels(MEETING_LABELS).build(),
        doc(unit, "meeting", year + "-05-13").labels(MEETING_LABELS).build(),
        doc(unit, "meeting", year + "-08-08").labels(MEETING_LABELS).build(),
        doc(unit, "meeting", year + "-12-02").labels(MEETING_LABELS).build(),
        doc(unit, "sign-in", year + "-03-04").build(),
        doc(unit, "activity", year + "-04-19").labels(List.of("活动时间", "活动地点", "参加人员")).build(),
        doc(unit, "photo", year + "-04-19").image().takenAt(year + "-04-19T09:30:00").build(),
        doc(unit, "half-year-summary", year + "-07-05").build(),
        doc(unit, "annual-summary", year + "-12-26").build());
  }
}
