package org.taizhang.tools.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Formal documents of a unit-year: leading-group notice, implementation plan, responsibility book,
 * rules.
 */
final class FormalDocumentTexts {

  private FormalDocumentTexts() {}

  static String leadingGroupTitle(YearPlan plan) {
    String verb = plan.year() % 2 == 0 ? "调整充实" : "调整";
    return "关于" + verb + plan.unit().shortName() + "文明创建工作领导小组的通知";
  }

  static DocumentContent leadingGroupNotice(YearPlan plan, TemplateFiller f) {
    UnitProfile u = plan.unit();
    String title = leadingGroupTitle(plan);
    String action = plan.year() % 2 == 0 ? "调整充实" : "调整";
    String reason =
        plan.year() % 2 == 0
            ? f.pick(List.of("巩固{prevYear}年度创建成果", "适应新一轮测评体系的要求"))
            : f.pick(List.of("结合{self}人员分工调整情况", "因部分人员工作变动"));
    List<String> members = new ArrayList<>();
    members.add(u.staff().office().withTitle());
    u.staff().members().forEach(p -> members.add(p.withTitle()));
    return DocumentContent.builder(title)
        .masthead(f.fill("{issuer}文件"))
        .docNumber(plan.leadDocNumber())
        .title()
        .blank()
        .field(f.fill("{addressee}："))
        .body(
            f.fill(
                "为深入贯彻县委、县政府关于精神文明建设的部署要求，切实加强对{self}{creation}创建工作的组织领导，"
                    + reason
                    + "，经{decisionBody}研究，决定"
                    + action
                    + "{short}文明创建工作领导小组。现将有关事项通知如下："))
        .heading("一、领导小组组成")
        .field(f.fill("组　长：{leader}（{leaderTitle}）"))
        .field(f.fill("副组长：{deputy}（{deputyTitle}）"))
        .field("成　员：" + String.join("、", members))
        .body(
            f.fill(
                "领导小组下设办公室，办公室设在{officeDept}，由{office}同志兼任办公室主任，负责创建工作的日常组织协调、{ledger}资料收集整理和信息报送。"))
        .heading("二、工作职责")
        .body(f.fill("（一）领导小组负责研究制定{self}年度文明创建工作计划和实施方案，统筹协调解决创建工作中的重大问题。"))
        .body(f.fill("（二）领导小组办公室负责分解落实创建任务，督促各{subunits}按时完成工作，定期向领导小组汇报进展情况。"))
        .body("（三）领导小组成员按照职责分工，抓好分管领域的创建工作，做到工作有部署、有检查、有记录。")
        .heading("三、工作要求")
        .body(
            f.fill(
                "领导小组每季度至少召开一次工作会议，研究部署创建工作。各{subunits}要明确一名创建联络员，于"
                    + ChineseDateWords.monthDay(plan.leadDocDate().plusDays(10))
                    + "前将名单报领导小组办公室。"
                    + "创建过程中形成的会议记录、活动方案、照片等材料要及时归档，确保{ledger}规范完整、真实可查。"))
        .body("领导小组成员如有工作变动，由接任其职务的同志自然递补，不再另行发文。")
        .blank()
        .right(f.fill("{issuer}"))
        .right(ChineseDateWords.full(plan.leadDocDate()))
        .blank()
        .field(f.fill("抄送：{superior}。"))
        .build();
  }

  static String implementationPlanTitle(YearPlan plan, TemplateFiller f) {
    return f.fill("{unit}{year}年{creation}创建工作实施方案");
  }

  static DocumentContent implementationPlan(YearPlan plan, TemplateFiller f) {
    DocumentContent.Builder b =
        DocumentContent.builder(implementationPlanTitle(plan, f))
            .title()
            .blank()
            .body(
                f.fill(
                    "为扎实推进{creation}创建工作，持续提升{people}文明素质和{self}文明程度，根据《{county}{year}年精神文明建设工作要点》，结合{self}实际，制定本方案。"))
            .heading("一、指导思想")
            .body(
                f.fill(
                    "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻{plenum}，以培育和践行社会主义核心价值观为主线，以提升{people}文明素质为目标，推动文明创建与{coreWork}深度融合、常态长效。"))
            .heading("二、工作目标")
            .body(
                f.fill(
                    plan.year() % 2 == 0
                        ? "巩固提升{creation}创建成果，各项测评指标全面达标，力争{year}年度测评成绩位居全县同类单位前列，为争创{levelGoal}打好基础。"
                        : "全面完成年度各项创建任务，材料审核和实地考察类指标力争全部达到A档，积极争创{levelGoal}。"))
            .heading("三、主要任务");
    List<FlavorTexts.Task> tasks = plan.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      FlavorTexts.Task t = tasks.get(i);
      b.body("（" + ChineseDateWords.numeral(i + 1) + "）" + t.heading() + "。" + f.fill(t.body()));
    }
    return b.heading("四、实施步骤")
        .body(f.fill("（一）动员部署阶段（{year}年1月至3月）。召开创建工作会议，调整领导小组，印发实施方案，签订目标责任书。"))
        .body(f.fill("（二）组织实施阶段（{year}年4月至10月）。按照任务分工推进各项工作，每季度召开一次推进会，开展一次自查。"))
        .body(f.fill("（三）总结提升阶段（{year}年11月至12月）。对照测评体系全面自查，查漏补缺，做好年终总结和迎检准备。"))
        .heading("五、保障措施")
        .body(f.fill("（一）加强组织领导。主要负责人是创建工作第一责任人，分管负责人具体抓，各{subunits}负责人抓好职责范围内的创建任务。"))
        .body(f.fill("（二）强化督促检查。领导小组办公室每季度对创建任务完成情况进行一次检查，检查结果在{self}内部通报。"))
        .body(
            f.fill(
                "（三）规范{ledger}管理。明确专人负责{ledger}资料的收集、整理和归档，按年度、分类别建立{ledger}目录，做到资料齐全、内容真实、查找方便。"))
        .blank()
        .right(f.fill("{unit}"))
        .right(ChineseDateWords.full(plan.planDate()))
        .build();
  }

  static DocumentContent responsibility(YearPlan plan, TemplateFiller f) {
    FlavorTexts texts = FlavorTexts.of(plan.unit().flavor());
    List<String> targets = new ArrayList<>(texts.targets());
    Collections.shuffle(targets, f.rng());
    DocumentContent.Builder b =
        DocumentContent.builder(f.fill("{year}年度文明创建目标责任书"))
            .title()
            .blank()
            .body(
                f.fill(
                    "为全面落实{year}年度精神文明建设工作任务，明确创建责任，确保创建目标如期实现，{superior}（以下简称甲方）与{unit}（以下简称乙方）签订本责任书。"))
            .heading("一、目标任务")
            .field(f.fill("1. 乙方主要负责人为创建工作第一责任人，将文明创建纳入全年重点工作，与{coreWork}同部署、同检查、同考核。"));
    int n = 2;
    for (String target : targets.subList(0, 3)) {
      b.field(n++ + ". " + f.fill(target));
    }
    return b.field(n++ + ". " + f.fill("全年召开文明创建专题会议不少于4次，{ledger}资料分类归档、及时更新。"))
        .field(n + ". 全年不发生一票否决事项，无违法违纪行为和重大安全责任事故。")
        .heading("二、考核办法")
        .body(
            f.fill(
                "甲方依据《{county}{year}年度文明创建测评体系》对乙方进行考核，采取材料审核、实地考察和问卷调查相结合的方式。考核结果作为年度评先评优和{creation}复查的重要依据。"))
        .heading("三、其他")
        .body(f.fill("本责任书一式两份，甲乙双方各执一份，自签订之日起生效，有效期至{year}年12月31日。"))
        .blank()
        .field(f.fill("甲方（盖章）：{superior}"))
        .field("负责人（签字）：")
        .blank()
        .field(f.fill("乙方（盖章）：{unit}"))
        .field("负责人（签字）：")
        .blank()
        .right(ChineseDateWords.full(plan.responsibilityDate()))
        .build();
  }

  static String rulesTitle(YearPlan plan, TemplateFiller f, boolean volunteerRules) {
    return volunteerRules ? f.fill("{unit}志愿服务管理制度") : f.fill("{unit}文明创建{ledger}管理制度");
  }

  /** Standing rules: written once and valid until revised, which is why not every year has them. */
  static DocumentContent rules(
      YearPlan plan, TemplateFiller f, boolean volunteerRules, boolean revised) {
    List<String> articles =
        volunteerRules
            ? List.of(
                "为规范{self}志愿服务工作，推动志愿服务常态化、制度化，根据《志愿服务条例》，结合{self}实际，制定本制度。",
                "{self}志愿服务队由{people}自愿报名组成，实行注册管理，志愿者在全国志愿服务信息系统实名登记。",
                "志愿服务活动由{officeDept}统筹安排，每次活动前制定方案，明确时间、地点、内容和负责人。",
                "志愿者参加活动应佩戴统一标识，遵守活动纪律，尊重服务对象的隐私和意愿。",
                "每次活动应做好签到、拍照和文字记录，活动结束后及时登记服务时长，相关资料归入创建{ledger}。",
                "{self}每年开展一次优秀志愿者评选，对表现突出的给予表扬。",
                "志愿服务不得以任何形式向服务对象收取费用。",
                "本制度由{officeDept}负责解释，自印发之日起施行。")
            : List.of(
                "为规范{self}文明创建{ledger}资料的收集、整理和归档工作，真实反映创建工作的过程和成效，结合{self}实际，制定本制度。",
                "本制度所称创建{ledger}，是指{self}在文明创建工作中形成的文件、计划、会议记录、活动资料、照片、总结等各类材料。",
                "{ledger}工作由创建工作领导小组办公室统一管理，{officeDept}明确一名工作人员具体负责。",
                "{ledger}资料按年度、分类别整理，每类资料编制卷内目录，注明文件名称、形成时间和页数。",
                "各项活动结束后七个工作日内，承办的{subunits}应将活动方案、签到表、照片（附文字说明）和活动小结交{officeDept}归档。",
                "会议记录应当写明会议时间、地点、主持人、参会人员、缺席人员及原因、记录人、议题、发言要点和会议决议，由主持人和记录人签字。",
                "{ledger}资料必须真实，严禁事后补做、弄虚作假。确有缺项的，应当书面说明原因和补正时限。",
                "{ledger}资料实行借阅登记制度，原件一般不外借。",
                "本制度由{officeDept}负责解释，自印发之日起施行。");
    DocumentContent.Builder b =
        DocumentContent.builder(rulesTitle(plan, f, volunteerRules)).title();
    if (revised) {
      b.subtitle(f.fill("（{year}年修订）"));
    }
    b.blank();
    for (int i = 0; i < articles.size(); i++) {
      b.body("第" + ChineseDateWords.numeral(i + 1) + "条　" + f.fill(articles.get(i)));
    }
    return b.blank().right(f.fill("{unit}")).right(ChineseDateWords.full(plan.rulesDate())).build();
  }
}
