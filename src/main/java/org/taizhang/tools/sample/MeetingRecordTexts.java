package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taizhang.tools.sample.YearPlan.Meeting;
import org.taizhang.tools.sample.YearPlan.ScheduledActivity;

/**
 * Quarterly creation-work meeting records with the fields reviewers check: 时间, 地点, 主持人, 参会人员, 缺席人员
 * (with reasons), 记录人, 议题, 发言, 决议; and the matching sign-in sheets.
 */
final class MeetingRecordTexts {

  private static final List<String> CHAIR_CLOSINGS =
      List.of(
          "大家讲得都很实在。我强调三点：一要提高认识，把创建工作摆上重要议事日程；二要压实责任，做到人人有任务、事事有人抓；三要注重实效，不搞形式主义，不为了留痕而留痕。",
          "创建工作贵在坚持，难在经常。各{subunits}要把今天议定的事项抓紧落实，{officeDept}要加强跟踪督办，下次会议逐项通报落实情况。",
          "创建工作要和{coreWork}同部署、同推进，既要把活动办好，也要把过程资料留好，做到有计划、有记录、有总结。",
          "文明创建是长期工作，不能临时突击。班子成员要带头参与志愿服务，带头践行文明规范，以实际行动带动{people}。");

  private MeetingRecordTexts() {}

  static String fileStem(int year, int quarter) {
    return year + "年第" + ChineseDateWords.numeral(quarter) + "季度创建工作会议记录";
  }

  static String signInFileStem(int year, int quarter) {
    return year + "年第" + ChineseDateWords.numeral(quarter) + "季度创建工作会议签到表";
  }

  static DocumentContent record(YearPlan plan, Meeting m, TemplateFiller f, boolean withRecorder) {
    UnitProfile u = plan.unit();
    List<Person> members = new ArrayList<>(m.present());
    members.removeIf(
        p ->
            p.equals(u.staff().leader())
                || p.equals(u.staff().deputy())
                || p.equals(u.staff().office()));
    Person m1 = members.get(0);
    Person m2 = members.get(1);
    FlavorTexts texts = FlavorTexts.of(u.flavor());
    TemplateFiller mf =
        f.with(
            Map.of(
                "m1", m1.name(),
                "m2", m2.name(),
                "taskCount", ChineseDateWords.numeral(plan.tasks().size()),
                "suggestion",
                    f.fill(
                        texts
                            .suggestions()
                            .get((m.quarter() + plan.year()) % texts.suggestions().size()))));
    Agenda agenda =
        switch (m.quarter()) {
          case 1 -> firstQuarter(plan, m, mf);
          case 2 -> secondQuarter(plan, m, mf);
          case 3 -> thirdQuarter(plan, m, mf);
          default -> fourthQuarter(plan, m, mf);
        };

    String title =
        mf.fill("{unit}{year}年第" + ChineseDateWords.numeral(m.quarter()) + "季度文明创建工作会议记录");
    DocumentContent.Builder b =
        DocumentContent.builder(title)
            .title()
            .blank()
            .field("时间：" + ChineseDateWords.withTime(m.time()))
            .field(mf.fill("地点：{room}"))
            .field("主持人：" + m.chair().name())
            .field("参会人员：" + String.join("、", m.present().stream().map(Person::name).toList()))
            .field(
                "缺席人员："
                    + (m.absent().isEmpty()
                        ? "无"
                        : String.join(
                            "、",
                            m.absent().stream()
                                .map(a -> a.person().name() + "（" + a.reason() + "）")
                                .toList())));
    if (withRecorder) {
      b.field("记录人：" + u.staff().office().name());
    }
    StringBuilder topics = new StringBuilder("议题：");
    for (int i = 0; i < agenda.topics().size(); i++) {
      topics
          .append(i + 1)
          .append(". ")
          .append(agenda.topics().get(i))
          .append(i + 1 < agenda.topics().size() ? "；" : "。");
    }
    b.field(topics.toString()).field("发言和讨论：");
    agenda.speeches().forEach(b::body);
    // A fixed per-year rotation: the four meetings of a year never repeat the chair's closing
    // words.
    int rotation = Math.floorMod(u.code().hashCode() + plan.year(), CHAIR_CLOSINGS.size());
    String closing = CHAIR_CLOSINGS.get((m.quarter() + rotation) % CHAIR_CLOSINGS.size());
    b.body(m.chair().name() + "：" + mf.fill(closing));
    b.field("会议决议：");
    for (int i = 0; i < agenda.decisions().size(); i++) {
      b.field((i + 1) + ". " + agenda.decisions().get(i));
    }
    b.blank();
    b.field(withRecorder ? "主持人（签字）：　　　　　　　　记录人（签字）：" : "主持人（签字）：");
    return b.build();
  }

  static PlannedFile.SignInSheet signIn(YearPlan plan, Meeting m, TemplateFiller f) {
    List<List<String>> rows = new ArrayList<>();
    for (Person p : m.present()) {
      rows.add(List.of(p.name(), p.title(), p.name()));
    }
    for (YearPlan.Absence a : m.absent()) {
      rows.add(List.of(a.person().name(), a.person().title(), "请假"));
    }
    String title =
        f.fill("{unit}{year}年第" + ChineseDateWords.numeral(m.quarter()) + "季度文明创建工作会议签到表");
    String subtitle = "时间：" + ChineseDateWords.withTime(m.time()) + "　　地点：" + f.get("room");
    return new PlannedFile.SignInSheet(title, subtitle, rows);
  }

  private record Agenda(List<String> topics, List<String> speeches, List<String> decisions) {}

  private static Agenda firstQuarter(YearPlan plan, Meeting m, TemplateFiller f) {
    Person office = plan.unit().staff().office();
    Person deputy = plan.unit().staff().deputy();
    return new Agenda(
        List.of(
            f.fill("传达学习全县{year}年精神文明建设工作会议精神"),
            f.fill("讨论{self}{year}年{creation}创建工作实施方案"),
            "研究调整创建工作领导小组"),
        List.of(
            office.name()
                + "："
                + f.fill(
                    "传达了全县{year}年精神文明建设工作会议精神，重点介绍了今年测评体系的变化：材料审核类指标有所增加，对会议记录、活动过程资料的要求更加具体，{ledger}资料要做到有据可查。"),
            deputy.name()
                + "："
                + f.fill(
                    "就《{year}年{creation}创建工作实施方案（讨论稿）》作了说明。方案共五个部分，明确了{taskCount}项主要任务，每项任务都明确了牵头人和完成时限。{yearTheme}，各项任务要早安排、早落实。"),
            f.get("m1") + "：" + f.fill("{suggestion}。"),
            f.get("m2")
                + "："
                + f.fill("去年{ledger}资料主要集中在年底整理，比较被动。建议今年按月收集，活动结束一周内把方案、照片和小结交到{officeDept}。")),
        List.of(
            f.fill("原则通过《{unit}{year}年{creation}创建工作实施方案》，根据讨论意见修改后印发。"),
            f.fill("调整创建工作领导小组，由{officeDept}起草文件，以正式文件印发。"),
            f.fill(
                "各{subunits}于"
                    + ChineseDateWords.monthDay(m.time().toLocalDate().plusDays(14))
                    + "前确定一名创建联络员，报{officeDept}备案。")));
  }

  private static Agenda secondQuarter(YearPlan plan, Meeting m, TemplateFiller f) {
    Person office = plan.unit().staff().office();
    Person deputy = plan.unit().staff().deputy();
    Optional<ScheduledActivity> next = nextActivity(plan, m);
    String past = pastActivitySentence(plan, m);
    String nextTopic = next.map(a -> a.idea().title() + "有关事项").orElse("“我们的节日”系列主题活动");
    String deputySpeech =
        next.map(
                a ->
                    a.idea().title()
                        + "初步安排在"
                        + ChineseDateWords.monthDay(a.date())
                        + "，地点在"
                        + a.place()
                        + "，由"
                        + f.get("m1")
                        + "负责具体组织，需要志愿者和工作人员"
                        + a.volunteers()
                        + "人左右。请各"
                        + f.get("subunits")
                        + "按分配名额报名。")
            .orElse(
                "下一阶段主要围绕" + plan.tasks().get(1).topic() + "开展工作，具体方案由" + f.get("m1") + "牵头拟定。");
    String firstDecision =
        next.map(
                a ->
                    a.idea().title()
                        + "按方案组织实施，由"
                        + f.get("m1")
                        + "牵头，"
                        + f.get("officeDept")
                        + "做好宣传报道和资料留存。")
            .orElse(plan.tasks().get(1).topic() + "工作方案由" + f.get("m1") + "牵头拟定，6月底前提交领导小组。");
    return new Agenda(
        List.of("通报上次会议以来创建工作进展情况", "研究" + nextTopic, f.fill("安排上半年{ledger}资料自查")),
        List.of(
            office.name()
                + "："
                + f.fill("上次会议以来，{self}共开展志愿服务活动{#2-5}次，参与{people}{#30-90}人次")
                + past
                + "。存在的主要问题是：个别活动只有照片没有文字记录，签到表有代签现象。",
            deputy.name() + "：" + deputySpeech,
            f.get("m2") + "：" + f.fill("{suggestion}。")),
        List.of(firstDecision, f.fill("6月20日前各{subunits}完成上半年{ledger}资料自查，{officeDept}汇总后报领导小组。")));
  }

  private static Agenda thirdQuarter(YearPlan plan, Meeting m, TemplateFiller f) {
    Person office = plan.unit().staff().office();
    Person deputy = plan.unit().staff().deputy();
    String topicA = plan.tasks().get(2).topic();
    String topicB = plan.tasks().get(3).topic();
    String nextSentence =
        nextActivity(plan, m)
            .map(
                a -> a.idea().title() + "定于" + ChineseDateWords.monthDay(a.date()) + "举行，筹备工作已经启动。")
            .orElse("");
    LocalDate deadline = m.time().toLocalDate().plusDays(30);
    List<String> speeches = new ArrayList<>();
    speeches.add(
        office.name()
            + "："
            + f.fill(
                "汇报了上半年创建工作完成情况，上半年小结已按时报送。县创建办督查通报指出的会议记录要素不全、照片缺少文字说明等问题，{self}也不同程度存在，已列出清单逐项整改。"));
    if (!m.chair().equals(deputy)) {
      speeches.add(deputy.name() + "：下半年重点抓好" + topicA + "和" + topicB + "两项工作。" + nextSentence);
    } else {
      speeches.add(
          f.get("m2") + "：下半年" + topicA + "和" + topicB + "两项工作任务比较重，建议提前谋划。" + nextSentence);
    }
    speeches.add(f.get("m1") + "：" + f.fill("{suggestion}。"));
    return new Agenda(
        List.of("总结上半年创建工作", "学习县创建办上半年督查情况通报", "安排下半年重点工作"),
        speeches,
        List.of(
            "对照督查通报列出问题清单，" + ChineseDateWords.monthDay(deadline) + "前整改到位。",
            "下半年重点抓好" + topicA + "和" + topicB + "，分别由" + f.get("m1") + "、" + f.get("m2") + "牵头。"));
  }

  private static Agenda fourthQuarter(YearPlan plan, Meeting m, TemplateFiller f) {
    Person office = plan.unit().staff().office();
    Person deputy = plan.unit().staff().deputy();
    return new Agenda(
        List.of("听取全年创建工作完成情况汇报", "研究年终总结和迎接年度测评准备工作", f.fill("讨论{nextYear}年创建工作思路")),
        List.of(
            office.name()
                + "："
                + f.fill("对照年初实施方案，{taskCount}项主要任务已基本完成。全年召开创建工作专题会议4次（含本次），开展志愿服务活动{#10-24}次")
                + pastActivitySentence(plan, m)
                + "。",
            deputy.name()
                + "："
                + f.fill("年度测评以材料审核和实地考察为主，请各{subunits}再核对一遍{ledger}，缺的材料如实写情况说明，不能事后补做。"),
            f.get("m1") + "：" + f.fill("{nextYear}年有个建议：{suggestion}。")),
        List.of(
            f.fill("{officeDept}于12月20日前完成年度工作总结初稿，经领导小组审定后报送。"),
            f.fill("各{subunits}于12月15日前完成{ledger}资料核对，缺项的写出书面说明。"),
            f.fill("{nextYear}年创建工作思路由{officeDept}起草，提交下次会议讨论。")));
  }

  /** The first activity after this meeting and before the next one (or the year's end). */
  private static Optional<ScheduledActivity> nextActivity(YearPlan plan, Meeting m) {
    LocalDateTime until =
        plan.meetings().stream()
            .filter(o -> o.quarter() == m.quarter() + 1)
            .map(Meeting::time)
            .findFirst()
            .orElse(LocalDateTime.of(plan.year(), 12, 31, 23, 59));
    return plan.activities().stream()
        .filter(
            a ->
                a.date().atStartOfDay().isAfter(m.time())
                    && a.date().atStartOfDay().isBefore(until))
        .min(Comparator.comparing(ScheduledActivity::date));
  }

  /** “，其中3月5日在…开展的…参与人数最多” for an activity since the previous meeting, or empty. */
  private static String pastActivitySentence(YearPlan plan, Meeting m) {
    LocalDateTime since =
        plan.meetings().stream()
            .filter(o -> o.quarter() == m.quarter() - 1)
            .map(Meeting::time)
            .findFirst()
            .orElse(LocalDateTime.of(plan.year(), 1, 1, 0, 0));
    return plan.activities().stream()
        .filter(
            a ->
                !a.date().atStartOfDay().isBefore(since)
                    && a.date().atStartOfDay().isBefore(m.time()))
        .findFirst()
        .map(
            a ->
                "，其中"
                    + ChineseDateWords.monthDay(a.date())
                    + "在"
                    + a.place()
                    + "开展的"
                    + a.idea().title()
                    + "投入志愿者最多")
        .orElse("");
  }
}
