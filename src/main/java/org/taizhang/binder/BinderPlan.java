package org.taizhang.binder;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.taizhang.config.ConfigText;

/**
 * What goes into a unit's 迎检台账 for one year, in the order of its evaluation system: a section per
 * 材料审核 indicator with the items that prove it and the gaps it still has, then the year's other
 * archived documents. Every archived item appears once, numbered by DA/T 22-2015; an item that
 * proves several indicators stands under the first and is referred to from the others. The binder,
 * the catalogues and the bundle of originals are all printed from one plan, so they agree item by
 * item.
 *
 * @param verdict the score as the dashboard shows it (“40 / 48”, or the veto)
 * @param preparedOn the office's date the plan was made
 */
public record BinderPlan(
    String unitCode,
    String unitName,
    String unitType,
    int year,
    String system,
    String verdict,
    LocalDate preparedOn,
    List<Section> sections) {

  public BinderPlan {
    sections = List.copyOf(sections);
  }

  /** The section code of the year's archived documents that prove no indicator. */
  public static final String OTHER = "其他";

  /**
   * One indicator (or, last, the other archived documents).
   *
   * @param number the section's place, from 1
   * @param code the indicator's code (Ⅱ-3), or {@link #OTHER}
   * @param path the indicator's name with its parents' (一级 › 二级 › 指标)
   * @param items the items placed here, in order
   * @param references items placed under an earlier indicator that prove this one too
   * @param gaps what the indicator still lacks
   */
  public record Section(
      int number,
      String code,
      String name,
      String path,
      double points,
      String status,
      List<Item> items,
      List<Item> references,
      List<Gap> gaps) {
    public Section {
      items = List.copyOf(items);
      references = List.copyOf(references);
      gaps = List.copyOf(gaps);
    }

    public boolean other() {
      return OTHER.equals(code);
    }
  }

  /**
   * An archived item.
   *
   * @param number the 件号, counted within the unit, year and 保管期限
   * @param archiveCode the 档号
   * @param documentNumber the 文号 its text shows, or null
   * @param responsible the 责任者: the unit that formed it
   * @param date the date it is about, or null
   * @param pages its pages in the binder (a photo is one), or null while a conversion is missing
   * @param remark the 备注: which other indicators it proves, why pages are unknown
   * @param kind how it goes into the binder
   */
  public record Item(
      int number,
      String archiveCode,
      long documentId,
      String documentNumber,
      String responsible,
      LocalDate date,
      String title,
      Integer pages,
      Retention retention,
      String remark,
      Kind kind,
      String fileName,
      String category,
      String categoryName) {}

  /** How an item's pages are made. */
  public enum Kind {
    /** A PDF, as it is. */
    PDF,
    /** An office, Kingsoft, OFD or text file, through its PDF rendition. */
    CONVERTED,
    /** A photo or image, one per page with its caption. */
    PHOTO,
    /** Nothing can show it (an archive, an unknown format): one page that says so. */
    PLACEHOLDER
  }

  /**
   * Something an indicator lacks; with a 缺项说明 it gets a page of its own in the binder.
   *
   * @param text what is missing, in plain Chinese
   * @param reason the explanation's reason, or null when none was filed
   * @param deadline by when the explanation promises it, or null
   */
  public record Gap(String text, String reason, LocalDate deadline, String explainedBy) {
    public boolean explained() {
      return reason != null;
    }
  }

  /** Every item in binder order. */
  public Stream<Item> items() {
    return sections.stream().flatMap(s -> s.items().stream());
  }

  /**
   * What a binder printed from this plan shows, as a digest: equal for two plans whose items (which
   * documents, numbers, titles, dates, pages) and gaps are the same, whatever day they were made.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    for (Section s : sections) {
      sb.append(s.code()).append('\n');
      s.items()
          .forEach(
              i ->
                  sb.append(i.documentId())
                      .append('|')
                      .append(i.archiveCode())
                      .append('|')
                      .append(i.title())
                      .append('|')
                      .append(i.date())
                      .append('|')
                      .append(i.pages())
                      .append('|')
                      .append(i.kind())
                      .append('\n'));
      s.gaps().forEach(g -> sb.append(g.text()).append('|').append(g.reason()).append('\n'));
    }
    return ConfigText.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public int itemCount() {
    return sections.stream().mapToInt(s -> s.items().size()).sum();
  }
}
