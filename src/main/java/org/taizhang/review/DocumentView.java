package org.taizhang.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
import org.taizhang.filing.Filing;
import org.taizhang.filing.Inference;
import org.taizhang.ocr.TextRecognition;
import org.taizhang.text.ChineseDates;
import org.taizhang.thumbnail.Thumbnails;

/** A document as the API shows it. */
public record DocumentView(
    long id,
    String unit,
    String category,
    String categoryName,
    String title,
    LocalDate date,
    StatedPeriod period,
    int year,
    String fileName,
    String mediaType,
    String fileType,
    long size,
    String sha256,
    Integer pageCount,
    Metadata metadata,
    int textChars,
    boolean textTruncated,
    String uploadedBy,
    Instant uploadedAt,
    boolean duplicate,
    String file,
    String thumbnail,
    Thumbnails.State thumbnailState,
    TextRecognition.State ocrState,
    String ocrDetail,
    ReviewView review,
    Long supersedes,
    Long supersededBy,
    boolean deleted,
    FilingView filing) {

  /**
   * How the category and date were worked out and what the clerk is asked: {@code uncertain} when
   * the category is 未分类 or a guess to confirm, {@code undated} when the document states no date.
   * Null for a document filed before this was recorded.
   */
  public record FilingView(
      String categorySource,
      double categoryConfidence,
      String dateSource,
      String question,
      boolean uncertain,
      boolean undated) {
    static FilingView of(Inference i) {
      return i == null
          ? null
          : new FilingView(
              i.categorySource().name(),
              i.categoryConfidence(),
              i.dateSource().name(),
              i.question(),
              i.uncertain(),
              i.undated());
    }
  }

  /** The review state: 已提交 / 已通过 / 退回 with reason and deadline. */
  record ReviewView(String status, String label, String reason, LocalDate deadline, String by) {}

  /**
   * The period the document states it is about: {@code 2025-07-01} to {@code 2025-09-30},
   * “2025年第三季度”.
   */
  record StatedPeriod(LocalDate first, LocalDate last, String label) {
    static StatedPeriod of(ChineseDates.Period p) {
      return p == null ? null : new StatedPeriod(p.first(), p.last(), ChineseDates.label(p));
    }
  }

  /**
   * What the file said about itself. Its creation time carries the office's offset; the time a
   * photo was taken is as the camera wrote it, which has no zone.
   */
  record Metadata(
      String author,
      OffsetDateTime created,
      LocalDateTime takenAt,
      Double latitude,
      Double longitude,
      String camera) {}

  /**
   * Builds the views: the catalog names categories, the background services tell where a document's
   * thumbnail and OCR stand.
   */
  @Component
  public static final class Factory {
    private final Catalog catalog;
    private final Thumbnails thumbnails;
    private final TextRecognition recognition;
    private final ZoneId zone;
    private final Filing filing;

    Factory(
        Catalog catalog,
        Thumbnails thumbnails,
        TextRecognition recognition,
        Clock clock,
        Filing filing) {
      this.filing = filing;
      this.catalog = catalog;
      this.thumbnails = thumbnails;
      this.recognition = recognition;
      this.zone = clock.getZone();
    }

    public DocumentView of(Document d) {
      return of(d, false);
    }

    public DocumentView of(Document d, boolean duplicate) {
      return DocumentView.of(
          d,
          catalog,
          duplicate,
          thumbnails.state(d),
          recognition.status(d),
          zone,
          filing.inference(d.id()).orElse(null));
    }
  }

  private static DocumentView of(
      Document d,
      Catalog catalog,
      boolean duplicate,
      Thumbnails.State thumbnail,
      TextRecognition.Status ocr,
      ZoneId zone,
      Inference inference) {
    var m = d.metadata();
    return new DocumentView(
        d.id(),
        d.unitCode(),
        d.category(),
        d.category() == null ? null : catalog.categoryName(d.category()),
        d.title(),
        d.date(),
        StatedPeriod.of(d.period()),
        d.year(),
        d.fileName(),
        d.mediaType(),
        d.fileType(),
        d.size(),
        d.sha256(),
        d.pageCount(),
        new Metadata(
            m.author(),
            m.created() == null ? null : m.created().atZone(zone).toOffsetDateTime(),
            m.takenAt(),
            m.latitude(),
            m.longitude(),
            m.camera()),
        d.textChars(),
        d.textTruncated(),
        d.uploadedBy(),
        d.uploadedAt(),
        duplicate,
        "/api/documents/" + d.id() + "/file",
        thumbnail == Thumbnails.State.NONE ? null : "/api/documents/" + d.id() + "/thumbnail",
        thumbnail,
        ocr.state(),
        ocr.detail(),
        new ReviewView(
            d.review().status().name(),
            d.review().status().label(),
            d.review().reason(),
            d.review().deadline(),
            d.review().by()),
        d.lifecycle().supersedesId(),
        d.lifecycle().supersededBy(),
        d.lifecycle().deleted(),
        FilingView.of(inference));
  }
}
