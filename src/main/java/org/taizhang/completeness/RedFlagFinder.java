package org.taizhang.completeness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.taizhang.unit.Unit;

/**
 * Finds what a reviewer should look at although no rule fails: unfilled templates, photos taken on
 * another day than the activity, texts nearly identical to another unit's, material made in bulk.
 */
final class RedFlagFinder {
  static final String PLACEHOLDER = "PLACEHOLDER";
  static final String PHOTO_TIME_MISMATCH = "PHOTO_TIME_MISMATCH";
  static final String NEAR_DUPLICATE = "NEAR_DUPLICATE";
  static final String BACKFILLED = "BACKFILLED";

  /** A photo may be dated from the day of the activity's write-up; a few days either way is normal. */
  static final int PHOTO_TOLERANCE_DAYS = 3;
  /** So many documents created on one day although they are dated across months look made up afterwards. */
  static final int BACKFILL_MIN_DOCUMENTS = 6;
  static final int BACKFILL_MIN_MONTHS = 3;

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Function<String, String> categoryName;

  RedFlagFinder(Function<String, String> categoryName) {
    this.categoryName = categoryName;
  }

  /**
   * @param partners near-duplicate partners of a document with their similarity
   * @param fact any current document's facts by id
   * @param unit any unit by code (null when unknown)
   */
  List<RedFlag> find(UnitFacts facts, int year, LongFunction<Map<Long, Double>> partners, LongFunction<EvidenceFact> fact,
      Function<String, Unit> unit) {
    List<RedFlag> placeholders = new ArrayList<>();
    List<RedFlag> photos = new ArrayList<>();
    List<RedFlag> duplicates = new ArrayList<>();
    Map<LocalDate, List<EvidenceFact>> byCreationDay = new TreeMap<>();
    for (EvidenceFact f : facts.all()) {
      if (f.year() != year) {
        continue;
      }
      if (f.placeholder()) {
        placeholders.add(new RedFlag(PLACEHOLDER, name(f) + "《" + f.title() + "》含未填写的模板占位内容（如×××、XX、20xx年x月x日）",
            List.of(f.id())));
      }
      if (f.image() && f.takenAt() != null && f.date() != null) {
        long days = Math.abs(ChronoUnit.DAYS.between(f.date(), f.takenAt().toLocalDate()));
        if (days > PHOTO_TOLERANCE_DAYS) {
          photos.add(new RedFlag(PHOTO_TIME_MISMATCH, "照片《" + f.title() + "》的拍摄时间（EXIF）为 " + f.takenAt().format(MINUTES)
              + "，与材料日期 " + f.date() + " 相差 " + days + " 天", List.of(f.id())));
        }
      }
      Map<Long, Double> near = partners.apply(f.id());
      for (Map.Entry<Long, Double> p : new TreeMap<>(near).entrySet()) {
        EvidenceFact other = fact.apply(p.getKey());
        if (other == null) {
          continue;
        }
        Unit u = unit.apply(other.unit());
        String who = (u == null ? other.unit() : u.name() + "（" + other.unit() + "）");
        duplicates.add(new RedFlag(NEAR_DUPLICATE, name(f) + "《" + f.title() + "》与" + who + other.year() + "年的《" + other.title()
            + "》几乎相同（相似度约 " + Math.round(p.getValue() * 100) + "%）", List.of(f.id(), other.id())));
      }
      if (!f.image() && f.created() != null && f.date() != null) {
        byCreationDay.computeIfAbsent(f.created(), d -> new ArrayList<>()).add(f);
      }
    }
    List<RedFlag> out = new ArrayList<>(placeholders);
    out.addAll(photos);
    out.addAll(duplicates);
    byCreationDay.forEach((day, docs) -> {
      TreeSet<YearMonth> months = new TreeSet<>();
      docs.forEach(d -> months.add(YearMonth.from(d.date())));
      if (docs.size() >= BACKFILL_MIN_DOCUMENTS && months.size() >= BACKFILL_MIN_MONTHS) {
        out.add(new RedFlag(BACKFILLED, docs.size() + " 份材料的日期分布在 " + months.first() + " 至 " + months.last()
            + "，文件却都创建于 " + day + "，可能是事后集中补做", docs.stream().map(EvidenceFact::id).toList()));
      }
    });
    return out;
  }

  private String name(EvidenceFact f) {
    return f.category() == null ? "材料" : categoryName.apply(f.category());
  }
}
