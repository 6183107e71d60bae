package org.taizhang.completeness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;

/**
 * Finds what a reviewer should look at although no rule fails: unfilled templates, photos taken on
 * another day than the activity, texts nearly identical to an earlier one of another unit, material
 * made in bulk.
 */
final class RedFlagFinder {
  static final String PLACEHOLDER = "PLACEHOLDER";
  static final String PHOTO_TIME_MISMATCH = "PHOTO_TIME_MISMATCH";
  static final String NEAR_DUPLICATE = "NEAR_DUPLICATE";
  static final String BACKFILLED = "BACKFILLED";

  /**
   * A photo may be dated from the day of the activity's write-up; a few days either way is normal.
   */
  static final int PHOTO_TOLERANCE_DAYS = 3;

  /**
   * So many documents created on one day although they are dated across months look made up
   * afterwards.
   */
  static final int BACKFILL_MIN_DOCUMENTS = 6;

  static final int BACKFILL_MIN_MONTHS = 3;

  private final Function<String, String> categoryName;

  RedFlagFinder(Function<String, String> categoryName) {
    this.categoryName = categoryName;
  }

  /**
   * @param partners near-duplicate partners of a document with their similarity
   * @param fact any current document's facts by id
   * @param unit any unit by code (null when unknown)
   */
  List<RedFlag> find(
      UnitFacts facts,
      int year,
      LongFunction<Map<Long, Double>> partners,
      LongFunction<EvidenceFact> fact,
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
        placeholders.add(
            new RedFlag(
                PLACEHOLDER,
                name(f) + "《" + f.title() + "》含未填写的模板占位内容（如×××、XX、20xx年x月x日）",
                List.of(f.id())));
      }
      if (f.image() && f.takenAt() != null && f.date() != null) {
        long days = Math.abs(ChronoUnit.DAYS.between(f.date(), f.takenAt().toLocalDate()));
        if (days > PHOTO_TOLERANCE_DAYS) {
          photos.add(
              new RedFlag(
                  PHOTO_TIME_MISMATCH,
                  "照片《"
                      + f.title()
                      + "》的拍摄时间（EXIF）为 "
                      + OfficeTime.minutes(f.takenAt())
                      + "，与材料日期 "
                      + f.date()
                      + " 相差 "
                      + days
                      + " 天",
                  List.of(f.id())));
        }
      }
      nearCopy(f, partners.apply(f.id()), fact, unit).ifPresent(duplicates::add);
      if (!f.image() && f.created() != null && f.date() != null) {
        byCreationDay.computeIfAbsent(f.created(), d -> new ArrayList<>()).add(f);
      }
    }
    List<RedFlag> out = new ArrayList<>(placeholders);
    out.addAll(photos);
    out.addAll(duplicates);
    byCreationDay.forEach(
        (day, docs) -> {
          TreeSet<YearMonth> months = new TreeSet<>();
          docs.forEach(d -> months.add(YearMonth.from(d.date())));
          if (docs.size() >= BACKFILL_MIN_DOCUMENTS && months.size() >= BACKFILL_MIN_MONTHS) {
            out.add(
                new RedFlag(
                    BACKFILLED,
                    docs.size()
                        + " 份材料的日期分布在 "
                        + months.first()
                        + " 至 "
                        + months.last()
                        + "，文件却都创建于 "
                        + day
                        + "，可能是事后集中补做",
                    docs.stream().map(EvidenceFact::id).toList()));
          }
        });
    return out;
  }

  /**
   * The flag of a document that nearly duplicates an earlier one of another unit: the later of two
   * is the copy (by date, then upload order), so the source is not accused. The earliest partner is
   * named as the source, but only in {@link RedFlag.Source}: whoever may not see that unit reads
   * that the text is highly similar to another unit's material, no more.
   */
  private Optional<RedFlag> nearCopy(
      EvidenceFact f,
      Map<Long, Double> near,
      LongFunction<EvidenceFact> fact,
      Function<String, Unit> unit) {
    EvidenceFact source = null;
    double similarity = 0;
    for (Map.Entry<Long, Double> p : new TreeMap<>(near).entrySet()) {
      EvidenceFact other = fact.apply(p.getKey());
      if (other != null && f.after(other) && (source == null || source.after(other))) {
        source = other;
        similarity = p.getValue();
      }
    }
    if (source == null) {
      return Optional.empty();
    }
    String percent = "相似度约 " + Math.round(similarity * 100) + "%";
    String own = name(f) + "《" + f.title() + "》";
    Unit u = unit.apply(source.unit());
    String who = u == null ? source.unit() : u.name() + "（" + source.unit() + "）";
    String full =
        own + "与" + who + source.year() + "年在先的《" + source.title() + "》几乎相同（" + percent + "），疑为照抄";
    return Optional.of(
        new RedFlag(
            NEAR_DUPLICATE,
            own + "与其他单位的材料高度相似，" + percent,
            List.of(f.id()),
            new RedFlag.Source(source.unit(), source.id(), full)));
  }

  private String name(EvidenceFact f) {
    return f.category() == null ? "材料" : categoryName.apply(f.category());
  }
}
