package org.taizhang.tools.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.taizhang.tools.sample.YearPlan.ScheduledActivity;

/**
 * 半年小结 and 年终总结: what was done, with figures, what fell short, what comes next. Each part has
 * several wordings and the sections are drawn per unit-year, so that honest summaries of similar
 * units differ about as much as real ones do — and a copied one stands out.
 */
final class SummaryTexts {

  private static final List<String> RESULTS =
      List.of("较好地完成了年度创建目标任务", "各项创建工作取得了新的成效", "创建工作呈现出稳中有进的良好态势");

  private static final List<String> INTROS =
      List.of(
          "{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，认真落实县委、县政府和县文明委关于精神文明建设的各项部署，以创建{levelGoal}为目标，把文明创建与{coreWork}紧密结合，{result}。现将全年工作总结如下：",
          "一年来，在{guide}的指导下，{self}紧紧围绕年初确定的创建目标，坚持“以创促建、以建促管”，广泛动员{people}参与，{result}。现将有关情况总结如下：",
          "{year}年是{self}巩固提升{creation}创建成果的重要一年。领导班子把文明创建列入重要议事日程，与{coreWork}同部署、同落实，{result}。现将全年工作报告如下：",
          "{yearTheme}。{self}以培育和践行社会主义核心价值观为主线，聚焦测评体系各项指标，补短板、强弱项，{result}。现将{year}年度文明创建工作总结如下：");

  private static final List<String> LEADERSHIP_HEADINGS =
      List.of("加强组织领导，创建机制更加健全", "坚持高位推动，责任体系不断完善", "强化组织保障，创建合力持续增强");

  private static final List<String> LEADERSHIP_BODIES =
      List.of(
          "年初，{self}印发《{leadTitle}》（{leadDoc}），明确了领导小组成员和工作职责；制定了《{unit}{year}年{creation}创建工作实施方案》，与{superior}签订了目标责任书。全年召开创建工作专题会议4次，研究解决创建工作中的具体问题{#6-12}个。",
          "{self}调整了以{leader}为组长的创建工作领导小组（{leadDoc}），领导小组办公室设在{officeDept}，配备专人负责日常工作。年初印发实施方案，把创建任务分解到各{subunits}，全年召开专题会议4次，班子成员带头参加志愿服务和各类创建活动。",
          "坚持把文明创建作为“一把手”工程，{leader}同志亲自部署、亲自过问。年初调整充实了创建工作领导小组（{leadDoc}），与{superior}签订目标责任书，逐级分解任务、压实责任。全年召开创建工作会议4次，对照测评体系逐项研究推进措施。");

  private static final List<String> VOLUNTEER_HEADINGS =
      List.of("深化志愿服务，文明实践常态开展", "广泛开展志愿服务，文明实践走深走实", "丰富创建载体，志愿服务有声有色");

  private static final List<String> VOLUNTEER_BODIES =
      List.of(
          "全年组织开展志愿服务活动{#10-24}次，参与{people}{#200-600}人次。",
          "{self}志愿服务队全年开展活动{#10-24}次，累计服务时长{#800-2000}小时。",
          "围绕重要节点和群众需求，全年策划志愿服务项目{#4-8}个，开展活动{#10-24}次。");

  private static final List<String> LEDGER_HEADINGS =
      List.of("规范{ledger}管理，创建资料真实完整", "加强{ledger}建设，过程资料规范齐全");

  private static final List<String> LEDGER_BODIES =
      List.of(
          "明确{office}同志负责{ledger}资料的收集整理，按年度、分类别建立{ledger}目录，各项活动做到有方案、有记录、有照片、有小结。",
          "对照测评体系，{self}按年度、分类别整理创建{ledger}，会议记录、活动方案、签到表、照片和小结做到随办随归，由{office}同志审核把关。",
          "坚持“活动开展到哪里，资料就记录到哪里”，{office}同志每月收集一次各{subunits}的创建资料，及时整理归档，确保{ledger}真实、完整、规范。");

  private static final List<String> NEXT_YEAR =
      List.of(
          "{nextYear}年，{self}将继续把文明创建作为推动{coreWork}的重要抓手，重点抓好三个方面：一是深化{t1}，二是抓实{t2}，三是提升{t3}，着力在常态长效上下功夫，力争创成{levelGoal}。",
          "{nextYear}年，{self}将对照新一轮测评体系，在{t1}和{t2}上持续用力，着力解决存在的问题，推动创建工作由“有没有”向“好不好”转变，争创{levelGoal}。",
          "下一步，{self}将坚持问题导向，重点做好三件事：一是推动{t1}再上新台阶；二是把{t2}做出特色；三是推动{t3}常态长效，以更高标准推进文明创建，力争早日创成{levelGoal}。");

  private SummaryTexts() {}

  static String halfYearTitle(TemplateFiller f) {
    return f.fill("{unit}{year}年上半年文明创建工作小结");
  }

  static String annualTitle(TemplateFiller f) {
    return f.fill("{unit}{year}年度文明创建工作总结");
  }

  static DocumentContent halfYear(YearPlan plan, TemplateFiller f) {
    FlavorTexts texts = FlavorTexts.of(plan.unit().flavor());
    List<ScheduledActivity> firstHalf =
        plan.activities().stream()
            .filter(a -> a.date().getMonthValue() <= 6)
            .sorted(Comparator.comparing(ScheduledActivity::date))
            .toList();
    List<ScheduledActivity> secondHalf =
        plan.activities().stream()
            .filter(a -> a.date().getMonthValue() > 6)
            .sorted(Comparator.comparing(ScheduledActivity::date))
            .toList();
    String biggest =
        firstHalf.isEmpty()
            ? ""
            : "，其中"
                + ChineseDateWords.monthDay(firstHalf.get(0).date())
                + "开展的"
                + firstHalf.get(0).idea().title()
                + "投入志愿者和工作人员最多，达到"
                + firstHalf.get(0).volunteers()
                + "人";
    FlavorTexts.Task focus = plan.tasks().get(2);
    List<String> problems = pickDistinct(texts.problems(), 2, f);
    String nextActivity =
        secondHalf.isEmpty() ? "组织好“我们的节日”系列主题活动" : "精心组织好" + secondHalf.get(0).idea().title();
    return DocumentContent.builder(halfYearTitle(f))
        .title()
        .blank()
        .body(
            f.fill(
                "{year}年上半年，{self}在{guide}的指导下，按照年初制定的实施方案，扎实推进{creation}创建各项工作，取得了阶段性成效。现将有关情况小结如下。"))
        .heading("一、上半年主要工作")
        .body(
            f.fill(
                "（一）组织领导进一步加强。年初及时调整了创建工作领导小组（"
                    + plan.leadDocNumber()
                    + "），召开创建工作专题会议2次，印发了年度实施方案，与{superior}签订了目标责任书，形成了主要负责人亲自抓、分管负责人具体抓的工作格局。"))
        .body(f.fill("（二）志愿服务常态开展。上半年共组织志愿服务活动{#4-9}次，参与{people}{#60-180}人次") + biggest + "。")
        .body(
            "（三）"
                + focus.topic()
                + "有序推进。按照实施方案的安排，"
                + f.get("self")
                + "重点抓了"
                + focus.topic()
                + "工作，"
                + stripStop(f.fill(focus.body()))
                + "，目前各项措施已基本落实。")
        .body(f.fill("（四）{ledger}资料及时归档。上半年形成的会议记录、活动方案、签到表和照片已按类别整理归档，{ledger}目录同步更新。"))
        .heading("二、存在的不足")
        .body(
            f.fill("对照测评体系，{self}创建工作还存在一些不足：一是" + problems.get(0) + "；二是" + problems.get(1) + "。"))
        .heading("三、下半年工作打算")
        .body(
            "下半年，"
                + f.get("self")
                + "将重点做好以下工作：一是持续抓好"
                + plan.tasks().get(3).topic()
                + "和"
                + plan.tasks().get(0).topic()
                + "工作；二是"
                + nextActivity
                + "；三是对照测评体系开展一次全面自查，查漏补缺，确保年度创建目标如期完成。")
        .blank()
        .right(f.fill("{unit}"))
        .right(ChineseDateWords.full(plan.halfYearDate()))
        .build();
  }

  static DocumentContent annual(YearPlan plan, TemplateFiller f) {
    UnitProfile unit = plan.unit();
    FlavorTexts texts = FlavorTexts.of(unit.flavor());
    TemplateFiller af =
        f.with(
            Map.of(
                "result", f.pick(RESULTS),
                "leadTitle", FormalDocumentTexts.leadingGroupTitle(plan),
                "leadDoc", plan.leadDocNumber()));
    DocumentContent.Builder b =
        DocumentContent.builder(annualTitle(af))
            .title()
            .blank()
            .body(af.fillAny(INTROS))
            .heading("一、" + af.pick(LEADERSHIP_HEADINGS))
            .body(af.fillAny(LEADERSHIP_BODIES));
    int section = 2;
    if (!unit.highlights().isEmpty()) {
      FlavorTexts.Task own =
          unit.highlights().get(Math.floorMod(plan.year(), unit.highlights().size()));
      b.heading(ChineseDateWords.numeral(section++) + "、" + own.heading())
          .body(af.fill(own.body()));
    }
    List<FlavorTexts.Task> achievements = new ArrayList<>(texts.achievements());
    Collections.shuffle(achievements, af.rng());
    for (FlavorTexts.Task a : achievements.subList(0, unit.highlights().isEmpty() ? 3 : 2)) {
      b.heading(ChineseDateWords.numeral(section++) + "、" + a.heading()).body(af.fill(a.body()));
    }
    b.heading(ChineseDateWords.numeral(section++) + "、" + af.pick(VOLUNTEER_HEADINGS))
        .body(af.fillAny(VOLUNTEER_BODIES) + activityList(plan));
    b.heading(ChineseDateWords.numeral(section++) + "、" + af.fill(af.pick(LEDGER_HEADINGS)))
        .body(af.fillAny(LEDGER_BODIES));
    List<String> problems = pickDistinct(texts.problems(), 3, af);
    b.heading(ChineseDateWords.numeral(section++) + "、存在的问题")
        .body(
            af.fill(
                "一是" + problems.get(0) + "；二是" + problems.get(1) + "；三是" + problems.get(2) + "。"));
    List<FlavorTexts.Task> focus = new ArrayList<>(plan.tasks());
    Collections.shuffle(focus, af.rng());
    TemplateFiller nf =
        af.with(
            Map.of(
                "t1",
                focus.get(0).topic(),
                "t2",
                focus.get(1).topic(),
                "t3",
                focus.get(2).topic()));
    b.heading(ChineseDateWords.numeral(section) + "、" + af.fill("{nextYear}年工作打算"))
        .body(nf.fillAny(NEXT_YEAR))
        .blank()
        .right(af.fill("{unit}"))
        .right(ChineseDateWords.full(plan.annualDate()));
    return b.build();
  }

  /** “3月5日在文昌路社区开展了学雷锋志愿服务活动；…，受到群众好评。” */
  private static String activityList(YearPlan plan) {
    List<ScheduledActivity> byDate = new ArrayList<>(plan.activities());
    byDate.sort(Comparator.comparing(ScheduledActivity::date));
    List<String> items = new ArrayList<>();
    for (ScheduledActivity a : byDate) {
      String title = a.idea().title();
      String verb =
          title.endsWith("讲堂") || title.endsWith("会") || title.endsWith("节") || title.contains("评选")
              ? "举办了"
              : "开展了";
      items.add(ChineseDateWords.monthDay(a.date()) + "在" + a.place() + verb + title);
    }
    return items.isEmpty() ? "" : String.join("；", items) + "，受到群众好评。";
  }

  private static List<String> pickDistinct(List<String> options, int n, TemplateFiller f) {
    List<String> copy = new ArrayList<>(options);
    Collections.shuffle(copy, f.rng());
    return copy.subList(0, n);
  }

  private static String stripStop(String s) {
    return s.endsWith("。") ? s.substring(0, s.length() - 1) : s;
  }
}
