package org.taizhang.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.taizhang.sample.YearPlan.ScheduledActivity;

/** 半年小结 and 年终总结: what was done, with figures, what fell short, what comes next. */
final class SummaryTexts {

  private SummaryTexts() {}

  static String halfYearTitle(TemplateFiller f) {
    return f.fill("{unit}{year}年上半年文明创建工作小结");
  }

  static String annualTitle(TemplateFiller f) {
    return f.fill("{unit}{year}年度文明创建工作总结");
  }

  static DocumentContent halfYear(YearPlan plan, TemplateFiller f) {
    FlavorTexts texts = FlavorTexts.of(plan.unit().flavor());
    List<ScheduledActivity> firstHalf = plan.activities().stream()
        .filter(a -> a.date().getMonthValue() <= 6).toList();
    List<ScheduledActivity> secondHalf = plan.activities().stream()
        .filter(a -> a.date().getMonthValue() > 6).toList();
    String biggest = firstHalf.isEmpty() ? ""
        : "，其中" + ChineseDates.monthDay(firstHalf.get(0).date()) + "开展的" + firstHalf.get(0).idea().title()
            + "投入志愿者和工作人员最多，达到" + firstHalf.get(0).volunteers() + "人";
    FlavorTexts.Task focus = plan.tasks().get(2);
    List<String> problems = pickDistinct(texts.problems(), 2, f);
    String nextActivity = secondHalf.isEmpty()
        ? "组织好“我们的节日”系列主题活动"
        : "精心组织好" + secondHalf.get(0).idea().title();
    return DocumentContent.builder(halfYearTitle(f)).title().blank()
        .body(f.fill("{year}年上半年，{self}在{guide}的指导下，按照年初制定的实施方案，扎实推进{creation}创建各项工作，取得了阶段性成效。现将有关情况小结如下。"))
        .heading("一、上半年主要工作")
        .body(f.fill("（一）组织领导进一步加强。年初及时调整了创建工作领导小组（" + plan.leadDocNumber()
            + "），召开创建工作专题会议2次，印发了年度实施方案，与{superior}签订了目标责任书，形成了主要负责人亲自抓、分管负责人具体抓的工作格局。"))
        .body(f.fill("（二）志愿服务常态开展。上半年共组织志愿服务活动{#4-9}次，参与{people}{#60-180}人次") + biggest + "。")
        .body("（三）" + focus.topic() + "有序推进。按照实施方案的安排，" + f.get("self") + "重点抓了" + focus.topic() + "工作，"
            + stripStop(f.fill(focus.body())) + "，目前各项措施已基本落实。")
        .body(f.fill("（四）{ledger}资料及时归档。上半年形成的会议记录、活动方案、签到表和照片已按类别整理归档，{ledger}目录同步更新。"))
        .heading("二、存在的不足")
        .body(f.fill("对照测评体系，{self}创建工作还存在一些不足：一是" + problems.get(0) + "；二是" + problems.get(1) + "。"))
        .heading("三、下半年工作打算")
        .body("下半年，" + f.get("self") + "将重点做好以下工作：一是持续抓好" + plan.tasks().get(3).topic() + "和"
            + plan.tasks().get(0).topic() + "工作；二是" + nextActivity
            + "；三是对照测评体系开展一次全面自查，查漏补缺，确保年度创建目标如期完成。")
        .blank()
        .right(f.fill("{unit}"))
        .right(ChineseDates.full(plan.halfYearDate()))
        .build();
  }

  static DocumentContent annual(YearPlan plan, TemplateFiller f) {
    FlavorTexts texts = FlavorTexts.of(plan.unit().flavor());
    DocumentContent.Builder b = DocumentContent.builder(annualTitle(f)).title().blank()
        .body(f.fill("{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，认真落实县委、县政府和县文明委关于精神文明建设的各项部署，以创建{levelGoal}为目标，把文明创建与{coreWork}紧密结合，")
            + f.pick(List.of("较好地完成了年度创建目标任务", "各项创建工作取得了新的成效")) + "。现将全年工作总结如下：")
        .heading("一、加强组织领导，创建机制更加健全")
        .body(f.fill("年初，{self}印发《" + FormalDocumentTexts.leadingGroupTitle(plan) + "》（" + plan.leadDocNumber()
            + "），明确了领导小组成员和工作职责；制定了《{unit}{year}年{creation}创建工作实施方案》，与{superior}签订了目标责任书。全年召开创建工作专题会议4次，研究解决创建工作中的具体问题{#6-12}个。"));
    int section = 2;
    for (FlavorTexts.Task a : texts.achievements()) {
      b.heading(ChineseDates.numeral(section++) + "、" + a.heading()).body(f.fill(a.body()));
    }
    b.heading(ChineseDates.numeral(section++) + "、深化志愿服务，文明实践常态开展")
        .body(f.fill("全年组织开展志愿服务活动{#10-24}次，参与{people}{#200-600}人次。") + activityList(plan));
    b.heading(ChineseDates.numeral(section++) + "、" + f.fill("规范{ledger}管理，创建资料真实完整"))
        .body(f.fill("明确{office}同志负责{ledger}资料的收集整理，按年度、分类别建立{ledger}目录，各项活动做到有方案、有记录、有照片、有小结。"));
    List<String> problems = pickDistinct(texts.problems(), 3, f);
    b.heading(ChineseDates.numeral(section++) + "、存在的问题")
        .body(f.fill("一是" + problems.get(0) + "；二是" + problems.get(1) + "；三是" + problems.get(2) + "。"));
    List<FlavorTexts.Task> focus = new ArrayList<>(plan.tasks());
    Collections.shuffle(focus, f.rng());
    b.heading(ChineseDates.numeral(section) + "、" + f.fill("{nextYear}年工作打算"))
        .body(f.fill("{nextYear}年，{self}将继续把文明创建作为推动{coreWork}的重要抓手，重点抓好三个方面：一是深化"
            + focus.get(0).topic() + "，二是抓实" + focus.get(1).topic() + "，三是提升" + focus.get(2).topic()
            + "，着力在常态长效上下功夫，力争创成{levelGoal}。"))
        .blank()
        .right(f.fill("{unit}"))
        .right(ChineseDates.full(plan.annualDate()));
    return b.build();
  }

  /** “3月5日在文昌路社区开展了学雷锋志愿服务活动；…。” */
  private static String activityList(YearPlan plan) {
    List<String> items = new ArrayList<>();
    List<ScheduledActivity> byDate = new ArrayList<>(plan.activities());
    byDate.sort(java.util.Comparator.comparing(ScheduledActivity::date));
    for (ScheduledActivity a : byDate) {
      String title = a.idea().title();
      String verb = title.endsWith("讲堂") || title.endsWith("会") || title.endsWith("节") || title.contains("评选")
          ? "举办了" : "开展了";
      items.add(ChineseDates.monthDay(a.date()) + "在" + a.place() + verb + title);
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
