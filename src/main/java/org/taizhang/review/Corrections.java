package org.taizhang.review;

import java.time.LocalDate;
import org.taizhang.review.DocumentEditor.Change;
import org.taizhang.text.ChineseDates;

/**
 * Reads a correction of what a document is from request parameters, the same way for the API and
 * the pages. A parameter left out keeps the current value; a date or period sent empty is cleared
 * (nobody stated one), and anything unreadable is refused with the field and what to write.
 */
final class Corrections {
  private Corrections() {}

  static DocumentEditor.Correction of(
      String category, String title, String date, String period, String year) {
    return new DocumentEditor.Correction(category, title, date(date), period(period), year(year));
  }

  private static Change<LocalDate> date(String value) {
    if (value == null) {
      return Change.keep();
    }
    if (value.isBlank()) {
      return Change.to(null);
    }
    return Change.to(
        ChineseDates.parse(value)
            .orElseThrow(
                () ->
                    new ReviewException(
                        "文档日期“" + value.strip() + "”无法识别，请写成 2025-03-12 或 2025年3月12日；没有日期请留空")));
  }

  private static Change<ChineseDates.Period> period(String value) {
    if (value == null) {
      return Change.keep();
    }
    if (value.isBlank()) {
      return Change.to(null);
    }
    return Change.to(
        ChineseDates.parsePeriod(value)
            .orElseThrow(
                () ->
                    new ReviewException(
                        "所属期间“"
                            + value.strip()
                            + "”无法识别，请写成 2025年第三季度、2025年上半年、2025年7月或 2025年度；不属于某一期间请留空")));
  }

  private static Integer year(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return ChineseDates.archiveYear(value)
        .orElseThrow(
            () -> new ReviewException("年度“" + value.strip() + "”无效，应为 1990 至 2100 之间的年份，如 2025"));
  }
}
