package org.taizhang.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.binder.BinderPlan;
import org.taizhang.binder.Retention;
import org.taizhang.completeness.Explanation;
import org.taizhang.completeness.Grade;
import org.taizhang.completeness.GradeOverride;
import org.taizhang.completeness.HandGrade;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.RedFlag;
import org.taizhang.completeness.ReturnedDocument;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.completeness.Veto;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.pdf.ExportFont;

/** Hand-made results and documents for the export tests, independent of the engine. */
final class Fixtures {
  static final String UNIT = "test-wjj";
  static final String UNIT_NAME = "青禾县测试卫生健康局";
  static final String MEETING = "每季度至少召开一次创建工作专题会议，会议记录要素齐全";
  static final String GROUP = "成立（调整）由主要负责人任组长的创建工作领导小组";
  static final String SUMMARY = "年度创建工作总结";
  static final String POST = "设立志愿服务岗（站），有人员、有标识、有服务";
  static final String MISSING_Q3 = "2025年第三季度缺少会议记录";
  static final String MISSING_SUMMARY = "2025年缺少年终总结";
  static final String EXPLANATION = "第三季度会议已于8月15日召开，记录正在整理归档";
  static final String OVERRIDE_REASON = "年度总结内容已在全县创建工作汇报材料中体现";
  static final String RED_FLAG = "活动记录中保留“×××”“20xx年x月x日”等模板占位内容";
  static final String VETO_REASON = "年终总结照抄其他单位";
  static final String VETO = "F-3 创建材料弄虚作假（" + VETO_REASON + "）";
  static final String SURVEY = "居民对单位文明创建的满意度";
  static final String HAND_NOTE = "志愿服务岗有人员值守，标识清楚";
  static final String REVIEWER_NAME = "李测评";
  static final String ADMIN_NAME = "王主任";
  static final String RETURNED_TITLE = "2025年度创建工作总结（初稿）";
  static final String RETURN_REASON = "未盖章";
  static final String NEAR_COPY_HIDDEN = "活动记录《志愿服务记录》与其他单位的材料高度相似，相似度约 96%";
  static final String NEAR_COPY_FULL =
      "活动记录《志愿服务记录》与另一测评单位（test-other）2025年在先的《原文》几乎相同（相似度约 96%），疑为照抄";

  private Fixtures() {}

  static UnitCompleteness unit() {
    Instant at = Instant.parse("2025-11-02T08:00:00Z");
    IndicatorResult group =
        new IndicatorResult(
            "Ⅰ-1-1",
            GROUP,
            "创建机构",
            4,
            "材料审核",
            IndicatorStatus.MET,
            Grade.A,
            Grade.A,
            null,
            null,
            4,
            List.of(3L),
            List.of());
    IndicatorResult meeting =
        new IndicatorResult(
            "Ⅰ-3-1",
            MEETING,
            "研究部署",
            8,
            "材料审核",
            IndicatorStatus.OVERDUE,
            Grade.B,
            Grade.B,
            null,
            null,
            5.28,
            List.of(1L, 2L),
            List.of(
                new MissingItem(
                    "Ⅰ-3-1/meeting/2025-Q3",
                    MISSING_Q3,
                    new Explanation(
                        7, EXPLANATION, LocalDate.of(2025, 10, 31), "wjj-clerk", at, true))));
    IndicatorResult post =
        new IndicatorResult(
            "Ⅱ-1-2",
            POST,
            "志愿服务",
            4,
            "实地考察",
            IndicatorStatus.HAND_GRADED,
            null,
            Grade.B,
            null,
            new HandGrade(
                Grade.B, HAND_NOTE, LocalDate.of(2025, 10, 12), "reviewer2", REVIEWER_NAME, at),
            2.64,
            List.of(),
            List.of());
    IndicatorResult survey =
        new IndicatorResult(
            "Ⅱ-2-1",
            SURVEY,
            "群众评价",
            4,
            "问卷调查",
            IndicatorStatus.NOT_REVIEWED,
            null,
            null,
            null,
            null,
            0,
            List.of(),
            List.of());
    IndicatorResult summary =
        new IndicatorResult(
            "Ⅲ-1-2",
            SUMMARY,
            "总结",
            4,
            "材料审核",
            IndicatorStatus.MISSING,
            Grade.D,
            Grade.C,
            new GradeOverride(Grade.C, OVERRIDE_REASON, "reviewer", REVIEWER_NAME, at),
            null,
            1.32,
            List.of(),
            List.of(
                new MissingItem(
                    "Ⅲ-1-2/annual-summary/2025",
                    MISSING_SUMMARY,
                    null,
                    List.of(
                        new ReturnedDocument(
                            6,
                            RETURNED_TITLE,
                            RETURN_REASON,
                            LocalDate.of(2025, 12, 20),
                            false)))));
    return new UnitCompleteness(
        UNIT,
        UNIT_NAME,
        "文明单位",
        "qhx-cjb",
        2025,
        "文明单位（文明行业）测评体系",
        List.of(group, meeting, post, survey, summary),
        13.24,
        24,
        1,
        4,
        3,
        3,
        List.of(new Veto("F-3", "创建材料弄虚作假", VETO_REASON, "admin", ADMIN_NAME, at)),
        List.of(
            new RedFlag("PLACEHOLDER", RED_FLAG, List.of(2L)),
            new RedFlag(
                "NEAR_DUPLICATE",
                NEAR_COPY_HIDDEN,
                List.of(2L),
                new RedFlag.Source("test-other", 99, NEAR_COPY_FULL))));
  }

  /** The same unit under another code, without a veto or red flags, with another score. */
  static UnitCompleteness withScore(String code, double score) {
    UnitCompleteness u = unit();
    return new UnitCompleteness(
        code,
        u.unitName(),
        u.unitType(),
        u.parentUnit(),
        u.year(),
        u.system(),
        u.indicators(),
        score,
        u.maxScore(),
        u.ungraded(),
        u.ungradedPoints(),
        1,
        3,
        List.of(),
        List.of());
  }

  /** A second unit of another system, all met. */
  static UnitCompleteness village() {
    IndicatorResult meeting =
        new IndicatorResult(
            "Ⅰ-3-1",
            "村“两委”全年至少3次专题研究创建工作",
            "研究部署",
            8,
            "材料审核",
            IndicatorStatus.MET,
            Grade.A,
            Grade.A,
            null,
            null,
            8,
            List.of(11L, 12L, 13L),
            List.of());
    IndicatorResult activity =
        new IndicatorResult(
            "Ⅱ-1-1",
            "开展新时代文明实践和志愿服务活动",
            "新时代文明实践",
            8,
            "材料审核",
            IndicatorStatus.EXPLAINED,
            Grade.B,
            Grade.B,
            null,
            null,
            5.28,
            List.of(),
            List.of(
                new MissingItem(
                    "Ⅱ-1-1/photo/2025",
                    "2025年缺少活动照片",
                    new Explanation(
                        9,
                        "照片在相机中待导出",
                        LocalDate.of(2099, 1, 31),
                        "admin",
                        Instant.EPOCH,
                        false))));
    return new UnitCompleteness(
        "test-xqc",
        "青禾县测试杏桥村",
        "文明村镇",
        "hxz",
        2025,
        "文明村镇测评体系",
        List.of(meeting, activity),
        13.28,
        16,
        0,
        0,
        1,
        3,
        List.of(),
        List.of());
  }

  static final Map<Long, Document> DOCUMENTS =
      Map.of(
          1L, document(1, "meeting", "2025年第一季度创建工作会议记录", LocalDate.of(2025, 3, 5), 3),
          2L, document(2, "meeting", "2025年第二季度创建工作会议记录", LocalDate.of(2025, 6, 12), 2),
          3L, document(3, "leading-group", "关于调整县卫健局文明创建工作领导小组的通知", LocalDate.of(2025, 3, 10), 2),
          4L, document(4, "photo", "2025-06-14 无偿献血志愿活动", LocalDate.of(2025, 6, 14), null));

  static Optional<Document> lookup(long id) {
    return Optional.ofNullable(DOCUMENTS.get(id));
  }

  static Document document(long id, String category, String title, LocalDate date, Integer pages) {
    return new Document(
        id,
        UNIT,
        category,
        title,
        date,
        date.getYear(),
        title + ".pdf",
        "application/pdf",
        1000,
        "0".repeat(64),
        pages,
        DocumentMetadata.EMPTY,
        100,
        false,
        "test",
        Instant.EPOCH,
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }

  static final String UNCATEGORIZED_TITLE = "县卫健局创建工作掠影（未分类）";

  /**
   * The unit's archive as {@link Archive#volumes} gives it: newest year first, categories in
   * catalogue order, unclassified last.
   */
  static List<Archive.Volume> volumes() {
    Map<String, List<Document>> y2025 = new LinkedHashMap<>();
    y2025.put("leading-group", List.of(DOCUMENTS.get(3L)));
    y2025.put("meeting", List.of(DOCUMENTS.get(2L), DOCUMENTS.get(1L)));
    y2025.put("", List.of(document(5, null, UNCATEGORIZED_TITLE, LocalDate.of(2025, 7, 1), null)));
    return List.of(
        new Archive.Volume(2025, y2025),
        new Archive.Volume(
            2024,
            Map.of(
                "meeting",
                List.of(document(20, "meeting", "2024年第一季度会议记录", LocalDate.of(2024, 3, 1), 1)))));
  }

  /**
   * The unit's binder plan for 2025: the leading-group notice under its indicator, both meeting
   * records under the next with an explained gap, an unclassified photo among the other items.
   */
  static BinderPlan plan() {
    BinderPlan.Item group =
        item(
            1,
            "test-wjj-WS·2025-Y-0001",
            3,
            "青卫发〔2025〕3号",
            "关于成立创建工作领导小组的通知",
            "2025-03-10",
            2,
            Retention.PERMANENT,
            "");
    BinderPlan.Item q1 =
        item(
            1,
            "test-wjj-WS·2025-D10-0001",
            1,
            null,
            "2025年第一季度创建工作会议记录",
            "2025-03-05",
            3,
            Retention.TEN_YEARS,
            "");
    BinderPlan.Item q2 =
        item(
            2,
            "test-wjj-WS·2025-D10-0002",
            2,
            null,
            "2025年第二季度创建工作会议记录",
            "2025-06-12",
            null,
            Retention.TEN_YEARS,
            "页数待转换后确定");
    BinderPlan.Item photo =
        item(
            3,
            "test-wjj-WS·2025-D10-0003",
            5,
            null,
            UNCATEGORIZED_TITLE,
            "2025-07-01",
            1,
            Retention.TEN_YEARS,
            "");
    return new BinderPlan(
        UNIT,
        UNIT_NAME,
        "文明单位",
        2025,
        "文明单位测评体系",
        "40 / 48",
        LocalDate.of(2025, 11, 2),
        List.of(
            new BinderPlan.Section(
                1,
                "Ⅰ-1-1",
                GROUP,
                "创建机构 › " + GROUP,
                4,
                "达标",
                List.of(group),
                List.of(),
                List.of()),
            new BinderPlan.Section(
                2,
                "Ⅰ-3-1",
                MEETING,
                "研究部署 › " + MEETING,
                8,
                "说明逾期",
                List.of(q1, q2),
                List.of(group),
                List.of(
                    new BinderPlan.Gap(
                        MISSING_Q3, EXPLANATION, LocalDate.of(2025, 10, 31), "wjj-clerk"))),
            new BinderPlan.Section(
                3,
                BinderPlan.OTHER,
                "其他归档材料",
                "其他归档材料",
                0,
                "",
                List.of(photo),
                List.of(),
                List.of())));
  }

  private static BinderPlan.Item item(
      int number,
      String code,
      long id,
      String docNumber,
      String title,
      String date,
      Integer pages,
      Retention retention,
      String remark) {
    return new BinderPlan.Item(
        number,
        code,
        id,
        docNumber,
        UNIT_NAME,
        LocalDate.parse(date),
        title,
        pages,
        retention,
        remark,
        pages == null ? BinderPlan.Kind.CONVERTED : BinderPlan.Kind.PDF,
        title + ".pdf",
        "meeting",
        "会议记录");
  }

  /**
   * The font, or the test's end: a failure on CI (where a skip would hide a gap), a skip on a
   * developer's machine.
   */
  static Path requireFont() {
    Optional<Path> font = ExportFont.of("").locate();
    if (font.isPresent()) {
      return font.get();
    }
    String message =
        "需要中文字体 " + ExportFont.DEFAULTS + "（Debian: apt-get install fonts-wqy-microhei）";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
