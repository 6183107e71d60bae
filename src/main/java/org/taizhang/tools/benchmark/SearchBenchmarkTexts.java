package org.taizhang.tools.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.taizhang.tools.benchmark.SearchBenchmarkCorpus.BenchUnit;
import org.taizhang.tools.benchmark.SearchBenchmarkPhrases.Flavor;
import org.taizhang.tools.sample.ActivityIdea;
import org.taizhang.tools.sample.FlavorTexts;
import org.taizhang.tools.sample.FlavorTexts.Task;

/**
 * Writes one synthetic ledger document: a title, a date inside the archive year, a media type and
 * 300–3,000 characters of text shaped like the category (a meeting record with 时间, 地点, 主持人…, an
 * activity record, a plan, a summary, a sign-in sheet, a rule book, …), filled with the unit's
 * people, places and figures.
 */
final class SearchBenchmarkTexts {
  static final int MIN_CHARS = 300;
  static final int MAX_CHARS = 3000;

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String JPEG = "image/jpeg";
  static final String TXT = "text/plain";

  private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

  /**
   * Per kind of unit, every sentence a ledger may be padded with: common ones and the unit kind's
   * own.
   */
  private static final Map<Flavor, List<String>> FILLERS = fillers();

  /** What {@link #write} produces. */
  record Written(String title, LocalDate date, String mediaType, String text) {}

  private final Random rng;
  private final BenchUnit unit;
  private final Flavor flavor;
  private final FlavorTexts texts;
  private final int year;
  private final Map<String, String> vars = new HashMap<>();
  private final StringBuilder out = new StringBuilder(MAX_CHARS + 600);
  private final Set<Object> used = new HashSet<>();
  private LocalDate date;

  private SearchBenchmarkTexts(Random rng, BenchUnit unit, int year) {
    this.rng = rng;
    this.unit = unit;
    this.flavor = unit.flavor();
    this.texts = flavor.texts();
    this.year = year;
    List<String> s = unit.staff();
    vars.put("unit", unit.name());
    vars.put("short", unit.shortName());
    vars.put("self", flavor.self());
    vars.put("ledger", unit.ledger());
    vars.put("year", Integer.toString(year));
    vars.put("nextYear", Integer.toString(year + 1));
    vars.put("people", texts.people());
    vars.put("coreWork", texts.coreWork());
    vars.put("creation", flavor.creation());
    vars.put("levelGoal", texts.levelGoal());
    vars.put("subunits", flavor.subunits());
    vars.put("officeDept", flavor.officeDept());
    vars.put("clients", flavor.clients());
    vars.put("servicePlace", flavor.servicePlace());
    vars.put("room", unit.room());
    vars.put("leader", s.get(0));
    vars.put("deputy", s.get(1));
    vars.put("office", s.get(2));
    vars.put("m1", s.get(3));
    vars.put("m2", s.get(4));
    vars.put("place", pick(SearchBenchmarkPhrases.PLACES));
    vars.put("month", Integer.toString(1 + rng.nextInt(12)));
  }

  /**
   * Writes a document of {@code category} (a code of categories.txt, or null for an unclassified
   * one).
   */
  static Written write(Random rng, BenchUnit unit, int year, String category, boolean rareTerm) {
    SearchBenchmarkTexts t = new SearchBenchmarkTexts(rng, unit, year);
    Written w = t.build(category == null ? "" : category);
    if (rareTerm) {
      String sentence =
          t.fill(
              "{short}“"
                  + SearchBenchmarkCorpus.RARE_TERM
                  + "”本期邀请退休教师讲授家庭教育和防范电信诈骗知识，{#20-60}名{people}参加。");
      String text = w.text();
      int cut = text.indexOf('。', text.length() / 3);
      text =
          cut < 0
              ? text + sentence
              : text.substring(0, cut + 1) + sentence + text.substring(cut + 1);
      w = new Written(w.title(), w.date(), w.mediaType(), clip(text));
    }
    return w;
  }

  private Written build(String category) {
    return switch (category) {
      case "meeting" -> meeting();
      case "sign-in" -> signIn();
      case "activity" -> activity();
      case "photo" -> photos();
      case "plan" -> plan();
      case "half-year-summary" -> summary(true);
      case "annual-summary" -> summary(false);
      case "leading-group" -> leadingGroup();
      case "responsibility" -> responsibility();
      case "briefing" -> briefing();
      case "rules" -> rules();
      case "inspection" -> inspection();
      case "award" -> award();
      case "application" -> application();
      case "survey" -> survey();
      case "honor" -> news();
      case "explanation" -> explanation();
      default -> miscellaneous();
    };
  }

  // ---- the document kinds ----

  private Written meeting() {
    int q = 1 + rng.nextInt(4);
    date = dateIn(3 * q - 2, 3 * q);
    String title =
        fill(
            pick(
                List.of(
                    "{unit}{year}年第" + numeral(q) + "季度文明创建工作会议记录",
                    "{short}{year}年第" + numeral(q) + "季度创建工作领导小组会议记录",
                    "{short}文明创建专题会议纪要（{year}年第" + numeral(q) + "次）")));
    line(title).blank();
    List<String> present =
        new ArrayList<>(unit.staff().subList(0, 4 + rng.nextInt(unit.staff().size() - 4)));
    line(
        "时间："
            + full(date)
            + "（星期"
            + WEEKDAYS[date.getDayOfWeek().getValue() - 1]
            + "）"
            + (rng.nextBoolean() ? "上午" : "下午")
            + (rng.nextBoolean() ? "9:00" : "3:00"));
    line(fill("地点：{room}"));
    line("主持人：" + vars.get("leader"));
    line("参会人员：" + String.join("、", present));
    line(
        "缺席人员："
            + (rng.nextInt(3) == 0
                ? unit.staff().get(unit.staff().size() - 1)
                    + "（"
                    + pick(SearchBenchmarkPhrases.ABSENCE_REASONS)
                    + "）"
                : "无"));
    line("记录人：" + vars.get("office"));
    List<Task> tasks = shuffled(texts.tasks());
    line(
        fill(
            "议题：1. 传达学习全县{year}年精神文明建设工作会议精神；2. 研究"
                + tasks.get(0).topic()
                + "工作；3. 安排"
                + tasks.get(1).topic()
                + "和{ledger}资料整理。"));
    line("发言和讨论：");
    para(vars.get("office") + "：" + fill("传达了全县精神文明建设工作会议精神，重点介绍了今年测评体系的变化，{ledger}资料要做到有据可查。"));
    para(
        vars.get("deputy")
            + "："
            + fill("下一阶段重点抓好" + tasks.get(0).topic() + "工作。" + tasks.get(0).body()));
    para(vars.get("m1") + "：" + fill(fresh(texts.suggestions()) + "。"));
    int target = length(900, 2600);
    pad(
        target - 220,
        () ->
            pick(present)
                + "："
                + (rng.nextInt(3) == 0 ? fill(fresh(texts.suggestions())) + "。" : filler()));
    para(vars.get("leader") + "：" + fill(fresh(SearchBenchmarkPhrases.COMMON)));
    line("会议决议：");
    line(fill("1. " + tasks.get(1).topic() + "工作由{m1}牵头，{officeDept}做好宣传报道和资料留存。"));
    line(
        fill(
            "2. 各{subunits}于"
                + date.plusDays(14).getMonthValue()
                + "月"
                + date.plusDays(14).getDayOfMonth()
                + "日前完成{ledger}资料自查，{officeDept}汇总后报领导小组。"));
    blank().line("主持人（签字）：　　　　　　　　记录人（签字）：");
    return done(title, rng.nextInt(10) < 6 ? DOCX : PDF);
  }

  private Written signIn() {
    date = dateIn(1, 12);
    boolean meeting = rng.nextBoolean();
    String title =
        meeting
            ? fill("{unit}{year}年第" + numeral((date.getMonthValue() + 2) / 3) + "季度文明创建工作会议签到表")
            : fill("{short}" + pick(texts.activityPool()).title() + "签到表");
    line(title);
    line("时间：" + full(date) + "　　地点：" + (meeting ? vars.get("room") : vars.get("place")));
    line("序号　姓名　职务　签名　联系电话");
    int target = length(MIN_CHARS, 900);
    int i = 1;
    while (out.length() < target) {
      String name = name();
      line(
          i++
              + "　"
              + name
              + "　"
              + pick(List.of("科员", "志愿者", "网格员", "教师", "村民代表", "党员", "副主任", "干事"))
              + "　"
              + name
              + "　1"
              + (30 + rng.nextInt(60))
              + String.format("%08d", rng.nextInt(100_000_000)));
    }
    return done(title, rng.nextInt(3) == 0 ? XLSX : PDF);
  }

  private Written activity() {
    date = dateIn(1, 12);
    ActivityIdea a = pick(texts.activityPool());
    String place = pick(SearchBenchmarkPhrases.PLACES);
    String title = a.title().endsWith("活动") ? a.title() + "记录" : a.title() + "活动记录";
    line(title).blank();
    line("活动名称：" + a.title());
    line(
        "活动时间："
            + full(date)
            + "（星期"
            + WEEKDAYS[date.getDayOfWeek().getValue() - 1]
            + "）"
            + (rng.nextBoolean() ? "上午" : "下午"));
    line("活动地点：" + place);
    line("组织单位：" + unit.name());
    line("负责人：" + vars.get("deputy"));
    int volunteers = 8 + rng.nextInt(60);
    line(
        "参加人员："
            + vars.get("deputy")
            + "、"
            + vars.get("m1")
            + "、"
            + vars.get("m2")
            + "、"
            + vars.get("office")
            + "等志愿者和工作人员"
            + volunteers
            + "人");
    line("活动内容：");
    para(
        fill(
            "为"
                + a.purpose()
                + "，推进{creation}创建工作，"
                + full(date)
                + "，{self}在"
                + place
                + "组织开展了"
                + a.title()
                + "。"));
    para(fill(a.body()));
    int target = length(450, 1600);
    pad(target - 120, this::filler);
    line("活动成效：");
    para(fill("本次活动共投入志愿者和工作人员" + volunteers + "人，受到群众的普遍好评。活动方案、签到表和照片已归入{self}创建{ledger}。"));
    line("记录人：" + vars.get("office"));
    return done(title, rng.nextInt(10) < 6 ? DOCX : PDF);
  }

  private Written photos() {
    date = dateIn(1, 12);
    ActivityIdea a = pick(texts.activityPool());
    String title = fill("{short}" + a.title() + "照片");
    line(title).blank();
    int target = length(MIN_CHARS, 800);
    int i = 1;
    para(fill("活动名称：" + a.title() + "；拍摄时间：" + full(date) + "；拍摄人：{office}。"));
    while (out.length() < target) {
      line(
          "图"
              + i++
              + "："
              + fill(fresh(SearchBenchmarkPhrases.CAPTIONS))
              + "（"
              + full(date)
              + "，"
              + fill("{short}")
              + "）。");
      if (rng.nextInt(4) == 0) {
        para(fill(fresh(texts.activityPool()).body()));
      }
    }
    return done(title, rng.nextInt(5) == 0 ? PDF : JPEG);
  }

  private Written plan() {
    date = dateIn(1, 3);
    String title =
        fill(
            pick(
                List.of(
                    "{unit}{year}年{creation}创建工作实施方案",
                    "{short}{year}年文明创建工作计划",
                    "{short}{year}年创建工作要点")));
    line(title).blank();
    para(fill("为深入推进{creation}创建工作，进一步提升{people}文明素质和{self}文明程度，根据县文明委有关要求，结合{self}实际，制定本方案。"));
    line("一、指导思想");
    para(fill(pick(SearchBenchmarkPhrases.GUIDING)));
    line("二、工作目标");
    List<String> targets = texts.targets();
    for (int i = 0; i < targets.size(); i++) {
      para("（" + numeral(i + 1) + "）" + fill(targets.get(i)));
    }
    line("三、主要任务");
    List<Task> tasks = shuffled(texts.tasks());
    int n = 4 + rng.nextInt(Math.max(1, tasks.size() - 3));
    for (int i = 0; i < Math.min(n, tasks.size()); i++) {
      para("（" + numeral(i + 1) + "）" + tasks.get(i).heading() + "。" + fill(tasks.get(i).body()));
    }
    line("四、工作步骤");
    SearchBenchmarkPhrases.STEPS.forEach(this::para);
    line("五、保障措施");
    int target = length(1300, 3000);
    for (String g : SearchBenchmarkPhrases.GUARANTEES) {
      if (out.length() < target) {
        para(fill(g));
      }
    }
    pad(target - 40, this::filler);
    line(fill("{unit}")).line(full(date));
    return done(title, rng.nextBoolean() ? DOCX : PDF);
  }

  private Written summary(boolean halfYear) {
    date =
        halfYear
            ? LocalDate.of(year, 7, 1 + rng.nextInt(15))
            : LocalDate.of(year, 12, 10 + rng.nextInt(20));
    String title = fill(halfYear ? "{unit}{year}年上半年文明创建工作小结" : "{unit}{year}年度文明创建工作总结");
    line(title).blank();
    para(
        fill(
            halfYear
                ? "{year}年上半年，{self}按照年初制定的实施方案，扎实推进{creation}创建各项工作，取得了阶段性成效。现将有关情况小结如下。"
                : "{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，以创建{levelGoal}为目标，把文明创建与{coreWork}紧密结合，较好地完成了年度创建目标任务。现将全年工作总结如下："));
    List<Task> achievements = shuffled(texts.achievements());
    int section = 1;
    int target = halfYear ? length(900, 2000) : length(1600, 3000);
    for (Task a : achievements) {
      if (out.length() > target - 400) {
        break;
      }
      line(numeral(section++) + "、" + a.heading());
      para(fill(a.body()));
      para(fill(fresh(SearchBenchmarkPhrases.COMMON)));
    }
    line(numeral(section++) + fill("、规范{ledger}管理，创建资料真实完整"));
    para(fill("明确{office}同志负责{ledger}资料的收集整理，按年度、分类别建立{ledger}目录，各项活动做到有方案、有记录、有照片、有小结。"));
    List<String> problems = shuffled(texts.problems());
    line(numeral(section++) + "、存在的问题");
    para(fill("一是" + problems.get(0) + "；二是" + problems.get(1) + "；三是" + problems.get(2) + "。"));
    line(numeral(section) + (halfYear ? "、下半年工作打算" : fill("、{nextYear}年工作打算")));
    pad(target - 30, this::filler);
    line(fill("{unit}")).line(full(date));
    return done(title, rng.nextBoolean() ? DOCX : PDF);
  }

  private Written leadingGroup() {
    date = dateIn(1, 3);
    String title = fill("关于调整{short}文明创建工作领导小组的通知");
    line(title);
    line(fill("{short}〔{year}〕" + (1 + rng.nextInt(40)) + "号"));
    line(fill("各{subunits}："));
    para(fill("为切实加强对{creation}创建工作的组织领导，经研究，决定调整{self}文明创建工作领导小组。现将有关事项通知如下："));
    line("一、领导小组组成人员");
    line("组　长：" + vars.get("leader"));
    line("副组长：" + vars.get("deputy"));
    line("成　员：" + String.join("、", unit.staff().subList(2, unit.staff().size())));
    para(fill("领导小组下设办公室，办公室设在{officeDept}，{office}同志兼任办公室主任，负责创建工作的日常组织协调和{ledger}资料管理。"));
    line("二、工作职责");
    int target = length(600, 1500);
    pad(
        target - 60,
        () ->
            fill(
                fresh(
                    rng.nextBoolean()
                        ? SearchBenchmarkPhrases.COMMON
                        : SearchBenchmarkPhrases.GUARANTEES)));
    para("人员如有变动，由相应岗位人员自然递补，不再另行发文。");
    line(fill("{unit}")).line(full(date));
    return done(title, PDF);
  }

  private Written responsibility() {
    date = dateIn(2, 4);
    String title = fill("{year}年度{creation}创建目标责任书");
    line(title).blank();
    para(fill("为确保{year}年度{creation}创建目标任务全面完成，根据县文明委的部署，签订本责任书。"));
    line("一、目标任务");
    List<String> targets = texts.targets();
    for (int i = 0; i < targets.size(); i++) {
      para((i + 1) + ". " + fill(targets.get(i)));
    }
    line("二、工作要求");
    int target = length(500, 1400);
    pad(target - 80, this::filler);
    line("三、考核奖惩");
    para("本责任书执行情况纳入年度目标考核，考核结果与评先评优挂钩。");
    line(fill("责任单位（盖章）：{unit}　　负责人（签字）：{leader}"));
    line(full(date));
    return done(title, PDF);
  }

  private Written briefing() {
    date = dateIn(1, 12);
    int issue = 1 + rng.nextInt(12);
    String title = fill("{short}文明创建工作简报（{year}年第" + issue + "期）");
    line(fill("{short}文明创建工作简报"))
        .line(fill("{year}年第" + issue + "期"))
        .line(fill("{officeDept}编　　" + full(date)))
        .blank();
    ActivityIdea a = pick(texts.activityPool());
    line(fill("【{short}召开文明创建工作会议】"));
    para(
        fill(
            full(date.minusDays(10))
                + "，{short}在{room}召开文明创建工作会议，{leader}主持会议。会议通报了近期创建工作进展，安排了下一阶段重点任务。"));
    line("【" + vars.get("short") + "开展" + a.title() + "】");
    para(
        fill(
            date.getMonthValue()
                + "月"
                + date.getDayOfMonth()
                + "日，{self}在{place}组织开展"
                + a.title()
                + "。"
                + a.body()));
    int target = length(600, 1500);
    pad(target - 100, this::filler);
    line("【温馨提示】");
    para(fill("请各{subunits}于本季度末前将活动资料报送{officeDept}。活动照片须附文字说明；{ledger}资料要真实，不得事后补做。"));
    return done(title, rng.nextBoolean() ? DOCX : PDF);
  }

  private Written rules() {
    date = dateIn(1, 6);
    String title =
        fill(
            pick(
                List.of(
                    "{short}创建{ledger}管理制度",
                    "{short}志愿服务管理办法",
                    "{short}文明创建工作管理制度",
                    "{short}文明创建考核实施细则")));
    line(title).blank();
    int target = length(700, 2200);
    int article = 1;
    List<String> rules = SearchBenchmarkPhrases.RULES;
    for (int i = 0; i < rules.size() && out.length() < target; i++) {
      para("第" + numeral(article++) + "条　" + fill(rules.get(i)));
    }
    while (out.length() < target) {
      para(
          "第"
              + numeral(Math.min(article++, 99))
              + "条　"
              + fill(fresh(SearchBenchmarkPhrases.COMMON)));
    }
    return done(title, rng.nextBoolean() ? DOCX : PDF);
  }

  private Written inspection() {
    date = dateIn(1, 12);
    int q = (date.getMonthValue() + 2) / 3;
    String title =
        fill(
            pick(
                List.of(
                    "{short}{year}年第" + numeral(q) + "季度文明创建自查记录",
                    "{short}创建工作督查记录（{year}年第" + numeral(q) + "季度）")));
    line(title).blank();
    line("检查时间：" + full(date));
    line("检查人员：" + vars.get("deputy") + "、" + vars.get("office") + "、" + name());
    line("检查内容及发现的问题：");
    int target = length(500, 1500);
    List<String> items = shuffled(SearchBenchmarkPhrases.INSPECTION_ITEMS);
    for (int i = 0; i < items.size() && out.length() < target - 250; i++) {
      para((i + 1) + ". " + fill(items.get(i)));
    }
    line("整改要求：");
    List<String> fixes = shuffled(SearchBenchmarkPhrases.RECTIFICATIONS);
    for (int i = 0; i < 2 + rng.nextInt(3); i++) {
      para((i + 1) + ". " + fill(fixes.get(i)));
    }
    pad(target, () -> fill(fresh(SearchBenchmarkPhrases.COMMON)));
    return done(title, rng.nextBoolean() ? DOCX : PDF);
  }

  private Written award() {
    date = dateIn(10, 12);
    String honor = pick(List.of("最美家庭", "身边好人", "文明科室", "服务之星", "优秀志愿者", "文明班级", "美丽庭院", "好婆婆好媳妇"));
    String title = fill("关于表彰{year}年度“" + honor + "”的决定");
    line(title);
    line(fill("{short}〔{year}〕" + (10 + rng.nextInt(60)) + "号"));
    para(fill("{year}年，{self}广泛开展“" + honor + "”评选活动，经推荐、评议和公示，决定对以下同志（集体）予以表彰："));
    int target = length(MIN_CHARS, 1100);
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 6 + rng.nextInt(20); i++) {
      names.append(i == 0 ? "" : "、").append(name());
    }
    para(names.toString());
    pad(target - 60, this::filler);
    para("希望受表彰的同志珍惜荣誉、再接再厉，发挥示范带动作用。");
    line(fill("{unit}")).line(full(date));
    return done(title, PDF);
  }

  private Written application() {
    date = dateIn(3, 9);
    String title = fill("{year}年度{levelGoal}申报表");
    line(title);
    line(fill("单位名称：{unit}"));
    line(fill("主要负责人：{leader}　　联系人：{office}"));
    line(fill("创建类别：{creation}"));
    line("创建工作主要成效：");
    int target = length(600, 1800);
    for (Task a : shuffled(texts.achievements())) {
      if (out.length() > target) {
        break;
      }
      para(a.heading() + "。" + fill(a.body()));
    }
    pad(target, this::filler);
    line("推荐单位意见：同意推荐。　　（盖章）");
    return done(title, rng.nextBoolean() ? XLSX : PDF);
  }

  private Written survey() {
    date = dateIn(9, 12);
    String title = fill("{short}{year}年度{people}满意度测评结果");
    line(title).blank();
    int respondents = 50 + rng.nextInt(300);
    para(
        fill(
            "{year}年"
                + date.getMonthValue()
                + "月，{self}组织开展了满意度测评，共发放测评表"
                + respondents
                + "份，收回有效测评表"
                + (respondents - rng.nextInt(10))
                + "份。测评结果如下："));
    int target = length(MIN_CHARS, 1100);
    List<String> items = SearchBenchmarkPhrases.SURVEY_ITEMS;
    for (int i = 0; i < items.size(); i++) {
      int good = 70 + rng.nextInt(29);
      para((i + 1) + ". " + items.get(i) + "：满意" + good + "%，基本满意" + (100 - good - 1) + "%，不满意1%。");
    }
    para(fill("测评中反映的主要问题是" + fresh(texts.problems()) + "，下一步将认真研究整改。"));
    pad(target, this::filler);
    return done(title, rng.nextBoolean() ? XLSX : PDF);
  }

  private Written news() {
    date = dateIn(1, 12);
    ActivityIdea a = pick(texts.activityPool());
    String title = fill("{short}开展" + a.title());
    line(title).blank();
    vars.put("activity", a.title());
    vars.put("purpose", a.purpose());
    vars.put("date", date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    para(fill(pick(SearchBenchmarkPhrases.NEWS_LEADS)));
    para(fill(a.body()));
    int target = length(400, 1200);
    pad(target - 60, this::filler);
    para(fill("据了解，{self}将把此类活动常态化开展，持续推动{creation}创建走深走实。（通讯员　{office}）"));
    return done(title, rng.nextInt(3) == 0 ? JPEG : PDF);
  }

  private Written explanation() {
    date = dateIn(6, 12);
    String missing = pick(SearchBenchmarkPhrases.MISSING);
    String title = fill("关于{year}年" + missing + "缺项的情况说明");
    line(title).blank();
    line("县文明办：");
    para(
        fill(
            "{self}在整理{year}年创建{ledger}时发现，"
                + missing
                + "缺失。经核实，"
                + pick(SearchBenchmarkPhrases.MISSING_REASONS)
                + "。"));
    int target = length(MIN_CHARS, 800);
    pad(target - 60, () -> fill(fresh(SearchBenchmarkPhrases.COMMON)));
    para(fill("今后{self}将加强{ledger}资料的日常管理，确保资料真实完整。特此说明。"));
    line(fill("{unit}")).line(full(date));
    return done(title, PDF);
  }

  private Written miscellaneous() {
    date = dateIn(1, 12);
    String title =
        fill(
            pick(
                List.of(
                    "{short}文明创建工作信息",
                    "{short}工作动态",
                    "{short}创建资料汇编",
                    "扫描件" + (1 + rng.nextInt(400)))));
    line(title).blank();
    int target = length(MIN_CHARS, 1500);
    pad(target, this::filler);
    return done(title, rng.nextInt(4) == 0 ? TXT : PDF);
  }

  // ---- helpers ----

  private static Map<Flavor, List<String>> fillers() {
    Map<Flavor, List<String>> out = new IdentityHashMap<>();
    for (Flavor f : SearchBenchmarkPhrases.FLAVORS) {
      List<String> pool = new ArrayList<>(SearchBenchmarkPhrases.COMMON);
      f.texts().tasks().forEach(t -> pool.add(t.body()));
      f.texts().achievements().forEach(t -> pool.add(t.body()));
      pool.addAll(f.texts().targets());
      f.texts().activityPool().forEach(a -> pool.add(a.body()));
      f.texts().problems().forEach(p -> pool.add("目前还存在" + p + "的问题。"));
      f.texts().suggestions().forEach(s -> pool.add("有同志提出，" + s + "。"));
      out.put(f, List.copyOf(pool));
    }
    return out;
  }

  /** A sentence this document has not used yet (as far as a few tries find one). */
  private String filler() {
    return fill(fresh(FILLERS.get(flavor)));
  }

  private Written done(String title, String mediaType) {
    if (out.length() < MIN_CHARS) {
      pad(MIN_CHARS, this::filler);
    }
    return new Written(title, date, mediaType, clip(out.toString()));
  }

  /** Cuts a text longer than {@link #MAX_CHARS} at the last full stop before the limit. */
  static String clip(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int stop = text.lastIndexOf('。', MAX_CHARS - 1);
    return stop > MAX_CHARS / 2 ? text.substring(0, stop + 1) : text.substring(0, MAX_CHARS);
  }

  /** A target length between lo and hi, more often short than long, as real ledgers are. */
  private int length(int lo, int hi) {
    double u = rng.nextDouble();
    return lo + (int) ((hi - lo) * u * u);
  }

  private void pad(int target, Supplier<String> paragraph) {
    int guard = 0;
    while (out.length() < target && guard++ < 200) {
      para(paragraph.get());
    }
  }

  private SearchBenchmarkTexts line(String s) {
    out.append(s).append('\n');
    return this;
  }

  private SearchBenchmarkTexts para(String s) {
    // Paragraphs of extracted PDF/Word text come with line breaks inside sentences, as in real
    // files.
    if (s.length() > 60 && rng.nextInt(3) == 0) {
      int at = 30 + rng.nextInt(s.length() - 40);
      s = s.substring(0, at) + "\n" + s.substring(at);
    }
    out.append("　　").append(s).append('\n');
    return this;
  }

  private SearchBenchmarkTexts blank() {
    out.append('\n');
    return this;
  }

  private LocalDate dateIn(int fromMonth, int toMonth) {
    int month = fromMonth + rng.nextInt(toMonth - fromMonth + 1);
    return LocalDate.of(year, month, 1 + rng.nextInt(28));
  }

  private String name() {
    return pick(SearchBenchmarkPhrases.SURNAMES) + pick(SearchBenchmarkPhrases.GIVEN);
  }

  private <T> T pick(List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  /**
   * A pick this document has not used yet, if one turns up within a few tries: ledgers rarely
   * repeat a sentence.
   */
  private <T> T fresh(List<T> options) {
    T choice = pick(options);
    for (int i = 0; i < 8 && !used.add(choice); i++) {
      choice = pick(options);
    }
    return choice;
  }

  private <T> List<T> shuffled(List<T> options) {
    List<T> copy = new ArrayList<>(options);
    Collections.shuffle(copy, rng);
    return copy;
  }

  /** Replaces {name} with the unit-year's values and {#a-b} with a figure between a and b. */
  String fill(String template) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int end = c == '{' ? template.indexOf('}', i) : -1;
      if (end < 0) {
        sb.append(c);
        i++;
        continue;
      }
      String key = template.substring(i + 1, end);
      if (key.startsWith("#")) {
        int dash = key.indexOf('-');
        int lo = Integer.parseInt(key.substring(1, dash));
        int hi = Integer.parseInt(key.substring(dash + 1));
        sb.append(lo + rng.nextInt(hi - lo + 1));
      } else {
        String v = vars.get(key);
        if (v == null) {
          throw new IllegalArgumentException(
              "unknown template variable {" + key + "} in " + template);
        }
        sb.append(v);
      }
      i = end + 1;
    }
    return sb.toString();
  }

  private static String full(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String numeral(int n) {
    if (n <= 10) {
      return DIGITS[n];
    }
    return n < 20
        ? "十" + DIGITS[n - 10]
        : DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
  }
}
