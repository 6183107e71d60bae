package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.taizhang.tools.sample.YearPlan.ScheduledActivity;

/**
 * Activity records, the unfilled activity template, the traditional-character record and work
 * briefings.
 */
final class ActivityTexts {

  private ActivityTexts() {}

  /** 学雷锋志愿服务活动 → 学雷锋志愿服务活动记录; 道德讲堂 → 道德讲堂活动记录. */
  static String recordTitle(ActivityIdea idea) {
    return idea.title().endsWith("活动") ? idea.title() + "记录" : idea.title() + "活动记录";
  }

  static DocumentContent record(YearPlan plan, ScheduledActivity a, TemplateFiller f) {
    UnitProfile u = plan.unit();
    List<Person> staff = u.staff().members();
    Person lead = plan.year() % 2 == 0 ? u.staff().deputy() : staff.get(0);
    String participants =
        String.join(
            "、",
            List.of(
                lead.name(), staff.get(1).name(), staff.get(2).name(), u.staff().office().name()));
    boolean morning = f.rng().nextInt(3) > 0;
    String when =
        ChineseDateWords.full(a.date())
            + "（"
            + ChineseDateWords.weekday(a.date())
            + "）"
            + (morning ? "上午" : "下午");
    return DocumentContent.builder(recordTitle(a.idea()))
        .title()
        .blank()
        .field("活动名称：" + a.idea().title())
        .field("活动时间：" + when)
        .field("活动地点：" + a.place())
        .field("组织单位：" + u.name())
        .field("负责人：" + lead.name())
        .field("参加人员：" + participants + "等志愿者和工作人员" + a.volunteers() + "人")
        .field("活动内容：")
        .body(
            "为"
                + f.fill(a.idea().purpose())
                + "，推进"
                + f.get("creation")
                + "创建工作，"
                + ChineseDateWords.full(a.date())
                + "，"
                + f.get("self")
                + "在"
                + a.place()
                + "组织开展了"
                + a.idea().title()
                + "。")
        .body(f.fill(a.idea().body()))
        .body(
            f.pick(
                List.of(
                    "活动结束后，" + lead.name() + "对本次活动进行了简要点评，要求大家把好的做法坚持下去。",
                    "活动中，参加人员积极性很高，现场秩序井然。",
                    "活动得到了群众的积极响应，不少人主动询问下一次活动的时间。")))
        .field("活动成效：")
        .body(
            "本次活动共投入志愿者和工作人员"
                + a.volunteers()
                + "人，"
                + f.pick(List.of("受到群众的普遍好评", "达到了预期效果", "进一步扩大了" + f.get("creation") + "创建的社会影响"))
                + "。活动方案、签到表和照片已归入"
                + f.get("self")
                + "创建"
                + f.get("ledger")
                + "。")
        .field("记录人：" + u.staff().office().name())
        .blank()
        .right(ChineseDateWords.full(a.date()))
        .build();
  }

  /**
   * A record form copied from a template and never filled in: the placeholders (×××, XX, 20xx年x月x日)
   * are still there. Reviewers treat such material as not submitted.
   */
  static DocumentContent unfilledTemplate(TemplateFiller f) {
    return DocumentContent.builder("新时代文明实践志愿服务活动记录")
        .title()
        .blank()
        .field("活动名称：XX志愿服务活动")
        .field("活动时间：20xx年x月x日")
        .field("活动地点：×××")
        .field(f.fill("组织单位：{short}新时代文明实践站"))
        .field("负责人：×××")
        .field("参加人员：×××、×××、×××等XX人")
        .field("活动内容：")
        .body("为深入推进新时代文明实践工作，×××村于20xx年x月x日组织开展了XX志愿服务活动。活动中，志愿者们……（此处填写活动过程）")
        .field("活动成效：")
        .body(f.fill("本次活动共服务群众XX人次，……（此处填写活动效果）。活动结束后及时将照片、签到表归入{ledger}。"))
        .field("记录人：×××")
        .blank()
        .right("20xx年x月x日")
        .build();
  }

  /**
   * An activity record typed in traditional characters, as some staff do. Written by hand for this
   * sample rather than converted, so it reads the way such records really read.
   */
  static DocumentContent traditionalRecord() {
    return DocumentContent.builder("銀杏社區「鄰里守望」志願服務活動記錄")
        .title()
        .blank()
        .field("活動名稱：「鄰里守望」志願服務活動")
        .field("活動時間：2024年9月14日（星期六）上午8:30—11:30")
        .field("活動地點：銀杏社區黨群服務中心及銀杏苑小區")
        .field("組織單位：青禾縣城關街道銀杏社區居民委員會")
        .field("負責人：邵建軍")
        .field("參加人員：社區志願者、共建單位黨員及居民代表共三十六人")
        .field("活動內容：")
        .body(
            "為進一步弘揚「奉獻、友愛、互助、進步」的志願服務精神，推動文明社區創建工作走深走實，銀杏社區於九月十四日組織開展「鄰里守望」志願服務活動。活動開始前，社區黨委副書記邵建軍在黨群服務中心召開了簡短的動員會議，對當天的分組和安全事項作了說明。")
        .body(
            "志願者分為三個小組：第一組走訪轄區內十二戶獨居老人，幫助檢查家中燃氣、電路，並登記老人近期的生活需求；第二組在銀杏苑小區清理樓道堆放的雜物，清運垃圾約兩車；第三組在小區廣場設立便民服務點，為居民義務理髮、測量血壓、修理小家電。")
        .body("活動中，八十二歲的居民陳阿婆拉著志願者的手說：「你們常來看看，我們心裡就踏實了。」")
        .field("活動成效：")
        .body("本次活動共服務居民一百二十餘人次，收集居民意見建議七條，已全部登記並轉交社區居委會辦理。活動照片、簽到表和居民意見登記表已按要求整理，歸入本社區文明創建臺賬。")
        .body("下一步，社區將把「鄰里守望」作為常態化志願服務項目，每月第二個星期六固定開展，並在下季度的社區兩委會議上研究完善志願者積分激勵辦法。")
        .field("記錄人：江濤")
        .blank()
        .right("2024年9月14日")
        .build();
  }

  static String briefingTitle(TemplateFiller f, int issue) {
    return f.fill("{short}文明创建工作简报（{year}年第" + issue + "期）");
  }

  /**
   * A short work briefing: one meeting item, one activity item, and a round-up of the villages
   * named in {@code childNames} (a town's; empty for other units).
   */
  static DocumentContent briefing(
      YearPlan plan, TemplateFiller f, int issue, LocalDate date, List<String> childNames) {
    YearPlan.Meeting meeting =
        plan.meetings().stream()
            .filter(m -> !m.time().toLocalDate().isAfter(date))
            .reduce((a, b) -> b)
            .orElse(plan.meetings().get(0));
    ScheduledActivity activity =
        plan.activities().stream()
            .filter(a -> !a.date().isAfter(date))
            .max(Comparator.comparing(ScheduledActivity::date))
            .orElse(plan.activities().get(0));
    String q = ChineseDateWords.numeral(meeting.quarter());
    DocumentContent.Builder b =
        DocumentContent.builder(f.fill("{short}文明创建工作简报"))
            .title()
            .subtitle(f.fill("{year}年第" + issue + "期"))
            .field(f.fill("{officeDept}编") + "　　　　　　　　" + ChineseDateWords.full(date))
            .blank()
            .heading("【" + f.get("short") + "召开第" + q + "季度文明创建工作会议】")
            .body(
                ChineseDateWords.full(meeting.time().toLocalDate())
                    + "，"
                    + f.get("short")
                    + "在"
                    + f.get("room")
                    + "召开"
                    + f.get("year")
                    + "年第"
                    + q
                    + "季度文明创建工作会议，"
                    + meeting.chair().name()
                    + "主持会议。"
                    + f.fill("会议通报了近期创建工作进展，安排了下一阶段重点任务。会议要求，各{subunits}要对照测评体系查找差距，把各项任务落到实处。"))
            .heading("【" + f.get("short") + "开展" + activity.idea().title() + "】")
            .body(
                ChineseDateWords.monthDay(activity.date())
                    + "，"
                    + f.get("self")
                    + "在"
                    + activity.place()
                    + "组织开展"
                    + activity.idea().title()
                    + "。"
                    + f.fill(activity.idea().body()));
    if (!childNames.isEmpty()) {
      b.heading("【各村动态】")
          .body(
              String.join("、", childNames)
                  + f.fill(
                      "结合实际开展了移风易俗宣传和环境卫生整治。其中，各村红白理事会本季度共劝导简办婚丧事宜{#3-8}起；各村组织党员志愿者清理房前屋后垃圾{#10-25}吨。"));
    }
    return b.heading("【温馨提示】")
        .body(
            f.fill(
                "请各{subunits}于本季度末前将活动资料报送{officeDept}。活动照片须附文字说明，注明时间、地点、人物和活动内容；{ledger}资料要真实，不得事后补做。"))
        .blank()
        .field(f.fill("报：{superior}　　送：领导小组各成员　　发：各{subunits}"))
        .build();
  }
}
