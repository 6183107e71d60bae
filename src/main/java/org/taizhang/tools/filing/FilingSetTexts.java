package org.taizhang.tools.filing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.taizhang.text.ChineseDates;

/**
 * The documents of the filing set, written for it (not the sample county's templates): many kinds
 * of units (县教育局, 镇政府, 村委会, 银行支行, 社区居委会, 医院, 学校 …), wordings, layouts and ways of stating a date (a
 * 落款 in Arabic or Chinese numerals, a 时间： field, a month only, a range, none), and look-alikes that
 * are not 创建 evidence. Each kind has several variants of wording; even variants are the half the
 * rules are tuned on, odd ones the held-out half.
 */
final class FilingSetTexts {
  /** A paragraph or a table of a drafted document. */
  sealed interface Block {
    enum Style {
      HEAD,
      TITLE,
      BODY,
      RIGHT
    }

    record Para(String text, Style style) implements Block {}

    record Table(List<List<String>> rows) implements Block {}
  }

  /**
   * A drafted document: its file name (with extension), content, the category a clerk files it
   * under ({@code none}: not evidence, or nothing to file it by), the date it states ({@code
   * yyyy-mm-dd}, {@code yyyy-mm} or {@code none}) and that date's precision ({@code day}, {@code
   * month}, {@code none}); {@code exif} for a photo.
   */
  record Draft(
      String fileName,
      List<Block> blocks,
      String category,
      String date,
      String precision,
      LocalDateTime exif,
      String kind,
      int variant) {
    String half() {
      return variant % 2 == 0 ? "tune" : "holdout";
    }
  }

  private record Agency(String name, String type, String prefix) {}

  private static final Agency[] AGENCIES = {
    new Agency("临河县教育局", "bureau", "临教发"),
    new Agency("安平县卫生健康局", "bureau", "安卫健发"),
    new Agency("柏溪县市场监督管理局", "bureau", "柏市监发"),
    new Agency("临河县文化和旅游局", "bureau", "临文旅字"),
    new Agency("东坡镇人民政府", "town", "东政发"),
    new Agency("城关镇人民政府", "town", "城政字"),
    new Agency("中共云台镇委员会", "town", "云委发"),
    new Agency("柳林村村民委员会", "village", "柳村委"),
    new Agency("河口村村委会", "village", "河村字"),
    new Agency("石桥村党支部", "village", "石支字"),
    new Agency("幸福社区居民委员会", "community", "幸居发"),
    new Agency("新华路社区居委会", "community", "新居字"),
    new Agency("中国农业银行安平支行", "bank", "农银安发"),
    new Agency("临河农村商业银行城南支行", "bank", "临农商城"),
    new Agency("安平县人民医院", "hospital", "安医发"),
    new Agency("柏溪县中医院", "hospital", "柏中医字"),
    new Agency("临河县第二中学", "school", "临二中发"),
    new Agency("安平县实验小学", "school", "安实小字"),
    new Agency("国网柏溪县供电公司", "company", "柏供电发"),
    new Agency("国家税务总局临河县税务局", "bureau", "临税发"),
  };

  private static final String[] SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
          .split("");
  private static final String[] GIVEN =
      "建国,秀英,丽华,志强,海燕,晓东,春梅,文斌,红霞,立新,小军,玉兰,永刚,桂芳,德明,晓燕,国庆,雪梅,振华,丽娟,明亮,慧敏,新民,静怡,宏伟,淑珍,卫东,凤英,俊杰,金花"
          .split(",");
  private static final String[] GENERIC_NAMES = {
    "新建 Microsoft Word 文档", "新建 DOCX 文档", "文档1", "扫描件", "附件", "材料", "未命名", "WPS文字文档", "资料"
  };

  private final Random rng;
  private final List<Draft> out = new ArrayList<>();
  private final java.util.Set<String> names = new java.util.HashSet<>();

  FilingSetTexts(long seed) {
    this.rng = new Random(seed);
  }

  // ---- what every document is made of

  private Agency agency(String... types) {
    List<Agency> fit =
        Arrays.stream(AGENCIES)
            .filter(a -> types.length == 0 || Arrays.asList(types).contains(a.type()))
            .toList();
    return fit.get(rng.nextInt(fit.size()));
  }

  private String person() {
    return SURNAMES[rng.nextInt(SURNAMES.length)] + GIVEN[rng.nextInt(GIVEN.length)];
  }

  private String people(int n) {
    List<String> p = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      p.add(person());
    }
    return String.join("、", p);
  }

  private <T> T pick(List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  private String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }

  private LocalDate day(int year) {
    return LocalDate.of(year, 1 + rng.nextInt(12), 1 + rng.nextInt(28));
  }

  private int year() {
    return 2019 + rng.nextInt(7);
  }

  static String arabic(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static String chinese(LocalDate d, boolean withDay) {
    StringBuilder y = new StringBuilder();
    for (char c : String.valueOf(d.getYear()).toCharArray()) {
      y.append("〇一二三四五六七八九".charAt(c - '0'));
    }
    return y
        + "年"
        + ChineseDates.chineseNumeral(d.getMonthValue())
        + "月"
        + (withDay ? ChineseDates.chineseNumeral(d.getDayOfMonth()) + "日" : "");
  }

  /** How a document states its date at its end. */
  private enum Sign {
    ARABIC,
    CHINESE,
    MONTH,
    CHINESE_MONTH,
    NONE
  }

  /** A document being drafted. */
  private final class D {
    final List<Block> blocks = new ArrayList<>();
    String category;
    String date = "none";
    String precision = "none";
    LocalDateTime exif;

    D(String category) {
      this.category = category;
    }

    D head(String text) {
      blocks.add(new Block.Para(text, Block.Style.HEAD));
      return this;
    }

    D title(String text) {
      blocks.add(new Block.Para(text, Block.Style.TITLE));
      return this;
    }

    D p(String... texts) {
      for (String t : texts) {
        blocks.add(new Block.Para(t, Block.Style.BODY));
      }
      return this;
    }

    D right(String text) {
      blocks.add(new Block.Para(text, Block.Style.RIGHT));
      return this;
    }

    D table(List<List<String>> rows) {
      blocks.add(new Block.Table(rows));
      return this;
    }

    D day(LocalDate d) {
      date = d.toString();
      precision = "day";
      return this;
    }

    D month(LocalDate d) {
      date = d.toString().substring(0, 7);
      precision = "month";
      return this;
    }

    /** The 落款: the issuer, then the date in the given way. */
    D sign(String issuer, LocalDate d, Sign how) {
      if (issuer != null) {
        right(issuer);
      }
      switch (how) {
        case ARABIC -> {
          right(arabic(d));
          day(d);
        }
        case CHINESE -> {
          right(chinese(d, true));
          day(d);
        }
        case MONTH -> {
          right(d.getYear() + "年" + d.getMonthValue() + "月");
          month(d);
        }
        case CHINESE_MONTH -> {
          right(chinese(d, false));
          month(d);
        }
        case NONE -> {}
      }
      return this;
    }
  }

  private Sign sign() {
    int r = rng.nextInt(10);
    return r < 4
        ? Sign.ARABIC
        : r < 6 ? Sign.CHINESE : r < 7 ? Sign.MONTH : r < 8 ? Sign.CHINESE_MONTH : Sign.NONE;
  }

  /**
   * Adds the drafted document under a file name as units name files: the title, the title after a
   * date, a numbered or versioned title, or a name that says nothing (新建 Microsoft Word 文档).
   */
  private void add(D d, String title, String format, String kind, int variant) {
    String base;
    int r = rng.nextInt(20);
    if (r < 11) {
      base = title;
    } else if (r < 13 && d.precision.equals("day")) {
      base = d.date + " " + title;
    } else if (r < 15) {
      base = title + pick("（定稿）", "_修改稿", "(1)", "-终稿", "（打印版）");
    } else if (r < 16) {
      base = (1 + rng.nextInt(12)) + "." + title;
    } else {
      base = pick(GENERIC_NAMES) + (rng.nextBoolean() ? "" : String.valueOf(1 + rng.nextInt(9)));
    }
    base = base.replaceAll("[/\\\\:*?\"<>|]", "");
    String name = base + "." + format;
    for (int i = 2; !names.add(name); i++) {
      name = base + " (" + i + ")." + format;
    }
    out.add(
        new Draft(
            name, List.copyOf(d.blocks), d.category, d.date, d.precision, d.exif, kind, variant));
  }

  private String format(String... formats) {
    return pick(formats);
  }

  // ---- the set

  List<Draft> all() {
    for (int i = 0; i < 12; i++) {
      explanation(i % 4);
      signIn(i % 4);
      meeting(i % 4);
      leadingGroup(i % 4);
      responsibility(i % 4);
      plan(i % 4);
      halfYear(i % 4);
      annual(i % 4);
      briefing(i % 4);
      rules(i % 4);
      inspection(i % 4);
      award(i % 4);
      application(i % 4);
      survey(i % 4);
      honor(i % 4);
      activity(i % 4);
      photo(i % 4);
    }
    for (int i = 0; i < 40; i++) {
      notEvidence(i % 10);
    }
    for (int i = 0; i < 4; i++) {
      hardMeeting(i);
      bareSignIn(i);
      otherBriefing(i);
      otherInspection(i);
      otherHonor(i);
      otherDomain(i);
      otherDomain(i);
      citedDate(i);
      looseDates(i);
    }
    return out;
  }

  // ---- harder cases: titles that do not name the kind, other wordings, other-domain look-alikes

  private void hardMeeting(int v) {
    Agency a = agency();
    LocalDate when = day(year());
    D d = new D("meeting");
    String title =
        switch (v) {
          case 0 -> "党支部支委会";
          case 1 -> "全体党员大会";
          case 2 -> when.getMonthValue() + "月份例会";
          default -> "院务会";
        };
    d.title(title);
    d.p("时间：" + arabic(when)).day(when);
    d.p("地点：" + pick("会议室", "党员活动室"), "主持：" + person(), "出席：" + people(5), "记录：" + person());
    d.p(
        "一、学习" + pick("上级文件精神", "文明创建测评体系"),
        "二、研究" + pick("志愿服务安排", "创建整改任务"),
        "三、" + pick("其他事项", "布置下阶段工作"));
    add(
        d,
        pick("会议" + (1 + rng.nextInt(9)), "文档" + (1 + rng.nextInt(9)), title),
        format("docx", "pdf"),
        "hard-meeting",
        v);
  }

  private void bareSignIn(int v) {
    D d = new D("sign-in");
    List<List<String>> rows = new ArrayList<>();
    rows.add(v % 2 == 0 ? List.of("姓名", "单位", "签到时间") : List.of("序号", "姓  名", "职务", "签 到"));
    for (int i = 1; i <= 6; i++) {
      rows.add(
          v % 2 == 0
              ? List.of(person(), pick("财务科", "信贷部"), pick("8:30", "8:45"))
              : List.of(String.valueOf(i), person(), pick("党员", "村民代表"), ""));
    }
    d.table(rows);
    add(
        d,
        pick("表格" + (1 + rng.nextInt(9)), "扫描件" + (1 + rng.nextInt(9)), "工作簿1"),
        format("xlsx", "docx"),
        "bare-sign-in",
        v);
  }

  private void otherBriefing(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("briefing");
    String title =
        switch (v) {
          case 0 -> "创建快讯（第" + (1 + rng.nextInt(9)) + "期）";
          case 1 -> "文明实践周报";
          case 2 -> "工作信息（" + y + "年第" + (1 + rng.nextInt(9)) + "期）";
          default -> "文明创建情况通报（第" + (1 + rng.nextInt(9)) + "期）";
        };
    d.title(title).p(a.name() + "办公室    " + arabic(when)).day(when);
    d.p(
        pick("本期导读：", "【要闻】") + pick("我单位开展文明餐桌行动", "志愿者进社区开展义诊"),
        pick("近日，", "本月，") + a.name() + pick("组织开展了一系列文明实践活动。", "召开了创建工作推进会。"));
    add(d, title, format("docx", "pdf"), "other-briefing", v);
  }

  private void otherInspection(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("inspection");
    String title =
        switch (v) {
          case 0 -> "测评反馈问题整改报告";
          case 1 -> "创建工作暗访情况通报";
          case 2 -> y + "年创建工作检查情况";
          default -> "文明创建迎检自评报告";
        };
    d.title(title)
        .p(
            "根据" + pick("县文明办测评反馈", "暗访组反馈", "检查组意见") + "，现将有关情况报告如下：",
            "一、发现问题：" + pick("公益广告破损", "台账不规范"),
            "二、整改情况：已全部整改到位。");
    d.sign(a.name(), day(y), sign());
    add(d, title, format("docx", "pdf"), "other-inspection", v);
  }

  private void otherHonor(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("honor");
    String title =
        switch (v) {
          case 0 -> "我" + pick("行", "院", "校") + "荣获市级文明单位称号";
          case 1 -> "文明单位授牌仪式新闻稿";
          case 2 -> a.name() + "被授予" + y + "年度县级文明单位";
          default -> "喜报：我单位获评文明单位";
        };
    d.title(title)
        .p(arabic(when) + "，" + pick("在全市精神文明建设表彰大会上", "县文明委发文"), a.name() + "被授予“文明单位”称号。")
        .day(when);
    add(d, title, format("docx", "pdf", "txt"), "other-honor", v);
  }

  /** Plans, rules and responsibilities of other work than 创建: not its evidence. */
  private void otherDomain(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("none");
    String title =
        switch (v) {
          case 0 -> y + "年安全生产目标责任书";
          case 1 -> "关于" + pick("张", "李", "王") + "某某同志的考察材料";
          case 2 -> y + "年党费收缴台账";
          default -> "固定资产盘点表";
        };
    d.title(title).p(pick("为落实安全生产责任，", "经组织考察，", "现将有关情况登记如下：", "盘点情况如下："));
    if (v == 0 || v == 1) {
      d.sign(a.name(), day(y), Sign.ARABIC);
    }
    add(d, title, format("docx", "xlsx", "pdf"), "other-domain", v);
  }

  /** An undated document whose first paragraph cites the date of another one. */
  private void citedDate(int v) {
    Agency a = agency();
    int y = year();
    LocalDate cited = day(y);
    D d = new D(v % 2 == 0 ? "plan" : "rules");
    String title = v % 2 == 0 ? y + "年志愿服务工作计划" : "新时代文明实践站管理制度";
    d.title(title)
        .p(
            "根据"
                + pick("县文明委", "县委宣传部")
                + arabic(cited)
                + "印发的《关于深化文明创建工作的意见》精神，结合实际，制定本"
                + (v % 2 == 0 ? "计划" : "制度")
                + "。");
    d.p("一、" + pick("每月开展一次志愿服务。", "实践站由专人管理。"), "二、" + pick("做好活动记录。", "每周开放五天。"));
    add(d, title, format("docx", "pdf"), "cited-date", v);
  }

  /** Dates written loosely: 2024.3.5, 二〇二四年三月, a range over months, a day with its weekday. */
  private void looseDates(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("activity");
    String title = pick("文明交通劝导", "关爱留守儿童", "义务植树") + "活动记录";
    d.title(title);
    switch (v) {
      case 0 ->
          d.p("活动时间：" + y + "." + when.getMonthValue() + "." + when.getDayOfMonth()).day(when);
      case 1 -> d.p("活动时间：" + chinese(when, false)).month(when);
      case 2 -> {
        LocalDate end = when.plusDays(20);
        d.p("活动时间：" + arabic(when) + "—" + end.getMonthValue() + "月" + end.getDayOfMonth() + "日")
            .day(when);
      }
      default -> d.p("活动时间：" + arabic(when) + "（星期" + pick("六", "日") + "）上午").day(when);
    }
    d.p(
        "活动地点：" + pick("城区主干道", "村小学", "河堤"),
        "参加人员：" + people(4),
        "活动内容：" + pick("劝导行人文明过马路。", "为留守儿童辅导作业。", "种植树苗200株。"));
    add(d, title, format("docx", "pdf", "txt"), "loose-dates", v);
  }

  private void explanation(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("explanation");
    String missing = pick("第二季度创建工作会议记录", "道德讲堂活动记录", "2" + "月份工作简报", "志愿服务活动照片", "上半年民意测评表");
    String title =
        switch (v) {
          case 0 -> "关于" + y + "年" + missing + "缺失的情况说明";
          case 1 -> y + "年度台账缺项说明";
          case 2 -> "缺项说明（" + missing + "）";
          default -> "关于" + missing + "未能提供的情况说明";
        };
    d.title(title);
    d.p(
        switch (v) {
          case 0 ->
              "因"
                  + pick("办公室搬迁", "经办人员岗位调整", "电脑故障")
                  + "，我单位"
                  + y
                  + "年"
                  + missing
                  + "未能完整保存，现将有关情况说明如下。";
          case 1 ->
              "经对照测评体系逐项自查，本单位"
                  + y
                  + "年度台账中"
                  + missing
                  + "暂缺，原因是"
                  + pick("活动因疫情防控取消", "负责同志长期病假", "材料交接不清")
                  + "。";
          case 2 -> "该项材料目前无法提供。主要原因：" + pick("相关工作并入上级统一组织开展", "活动改为线上进行，未留存纸质记录") + "。";
          default -> "根据创建办关于补齐台账的要求，现就" + missing + "缺失一事说明如下：";
        },
        "下一步，我们将" + pick("指定专人负责台账收集整理", "建立材料按月归档制度", "于年底前补充完善相关材料") + "，确保不再出现类似情况。");
    d.p("特此说明。");
    d.sign(a.name(), day(y), sign());
    add(d, title, format("docx", "pdf", "txt", "docx"), "explanation", v);
  }

  private void signIn(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("sign-in");
    String event = pick("理论学习中心组学习", "文明创建推进会", "志愿者培训", "道德讲堂", "消防安全知识讲座", "垃圾分类动员会");
    String title =
        switch (v) {
          case 0 -> event + "签到表";
          case 1 -> a.name() + event + "参会人员签到册";
          case 2 -> when.getMonthValue() + "月" + event + "签到";
          default -> event + "人员签名表";
        };
    d.title(title);
    boolean field = rng.nextInt(4) > 0;
    if (field) {
      d.p("时间：" + arabic(when) + pick(" 上午9:00", " 下午2:30", "", "（星期" + pick("一", "三", "五") + "）"));
      d.p("地点：" + pick("三楼会议室", "村部活动室", "社区党群服务中心", "学校报告厅", "营业部二楼"));
      d.day(when);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        switch (v) {
          case 0, 2 -> List.of("序号", "姓名", "单位/部门", "职务", "签到");
          case 1 -> List.of("姓名", "科室", "联系电话", "本人签名");
          default -> List.of("序号", "姓名", "签名", "备注");
        });
    int n = 5 + rng.nextInt(10);
    for (int i = 1; i <= n; i++) {
      String name = person();
      rows.add(
          switch (v) {
            case 0, 2 ->
                List.of(
                    String.valueOf(i),
                    name,
                    pick("办公室", "财务科", "一组", "教务处", "信贷部"),
                    pick("科员", "主任", "组长", "教师"),
                    name);
            case 1 ->
                List.of(
                    name,
                    pick("内科", "外科", "药剂科", "护理部"),
                    "13" + (100000000 + rng.nextInt(899999999)),
                    name);
            default -> List.of(String.valueOf(i), name, name, "");
          });
    }
    d.table(rows);
    add(d, title, format("xlsx", "xlsx", "docx", "pdf"), "sign-in", v);
  }

  private void meeting(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("meeting");
    String kind = pick("党支部委员会会议", "创建工作推进会", "村两委联席会议", "行务会议", "院周会", "校务会议", "居委会例会");
    String title =
        switch (v) {
          case 0 -> kind + "记录";
          case 1 -> y + "年第" + pick("一", "二", "三", "四") + "次" + kind + "纪要";
          case 2 -> a.name() + "文明创建专题会议记录";
          default -> kind + "会议记录（" + pick("创建专题", "第" + (1 + rng.nextInt(9)) + "次") + "）";
        };
    d.title(title);
    int style = rng.nextInt(5);
    if (style == 0) {
      d.p("会议时间：" + arabic(when) + " 上午9时").day(when);
    } else if (style == 1) {
      d.p("时  间：" + chinese(when, true)).day(when);
    } else if (style == 2) {
      LocalDate end = when.plusDays(1 + rng.nextInt(3));
      d.p("时间：" + arabic(when) + "至" + end.getDayOfMonth() + "日").day(when);
    } else if (style == 3) {
      d.p("时间：" + y + "年" + when.getMonthValue() + "月").month(when);
    } else {
      d.p("时间：    年   月   日");
    }
    d.p(
        "地点：" + pick("二楼小会议室", "村委会议室", "行长办公室", "医院行政楼会议室", "学校会议室"),
        "主持人：" + person(),
        "参会人员：" + people(4 + rng.nextInt(4)),
        "缺席人员：" + pick("无", person() + "（出差）", person() + "（病假）"),
        "记录人：" + person(),
        "会议议题：" + pick("传达上级文明创建工作会议精神，研究部署本季度创建任务", "讨论志愿服务活动安排", "通报创建测评反馈问题并研究整改措施"),
        "会议内容：",
        person()
            + "："
            + pick("今年是创建工作的关键一年，各部门要对照测评体系查漏补缺。", "上次测评中发现公共区域卫生不到位，要马上整改。", "志愿服务要常态化，不能搞突击。"),
        person() + "：" + pick("建议每月组织一次志愿服务活动，并做好台账记录。", "我们科室负责环境卫生整治，保证按期完成。", "宣传栏内容要及时更新。"),
        "会议决定：" + pick("由办公室牵头，各部门配合，月底前完成整改。", "成立三个志愿服务小组，轮流开展活动。", "下次会议听取整改进展汇报。"));
    add(d, title, format("docx", "docx", "pdf", "rtf", "txt"), "meeting", v);
  }

  private void leadingGroup(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("leading-group");
    String title =
        switch (v) {
          case 0 -> "关于成立" + y + "年文明单位创建工作领导小组的通知";
          case 1 -> "关于调整精神文明建设领导小组成员的通知";
          case 2 -> a.name() + "关于充实创建全国文明城市工作领导小组的通知";
          default -> "关于成立文明创建工作专班的通知";
        };
    boolean red = rng.nextBoolean();
    if (red) {
      d.head(a.name() + "文件");
      d.p(a.prefix() + "〔" + y + "〕" + (1 + rng.nextInt(40)) + "号");
    }
    d.title(title);
    d.p(pick("各科室、各下属单位：", "各村（居）委会、镇直各单位：", "各部门：", "各网点、各部室："));
    d.p(
        "为切实加强对"
            + pick("文明单位创建", "精神文明建设", "创建全国文明城市")
            + "工作的组织领导，经研究，决定"
            + (v == 1 ? "对领导小组成员进行调整" : "成立相应工作机构")
            + "，现将有关事项通知如下：",
        "组  长：" + person() + "（" + pick("局长", "镇长", "支部书记", "行长", "院长", "校长") + "）",
        "副组长：" + people(2),
        "成  员：" + people(5),
        "领导小组下设办公室，办公室设在" + pick("办公室", "党政办", "综合部", "党委办公室") + "，负责日常工作。");
    d.sign(a.name(), day(y), red ? pick(Sign.ARABIC, Sign.CHINESE) : sign());
    add(d, title, format("pdf", "docx", "pdf", "rtf"), "leading-group", v);
  }

  private Sign pick(Sign a, Sign b) {
    return rng.nextBoolean() ? a : b;
  }

  private void responsibility(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("responsibility");
    String title =
        switch (v) {
          case 0 -> y + "年度文明创建目标责任书";
          case 1 -> "精神文明建设目标管理责任状";
          case 2 -> y + "年" + pick("科室", "网点", "村组", "年级组") + "创建工作责任书";
          default -> "文明创建工作目标责任书（" + y + "年度）";
        };
    d.title(title);
    d.p(
        "为确保" + y + "年" + pick("文明单位", "文明村镇", "文明校园", "文明社区") + "创建目标任务全面完成，经双方协商，签订本责任书。",
        "一、责任目标：" + pick("创建测评成绩在全县同类单位中位居前列", "无违反社会公德的不良事件发生", "群众满意度达到90%以上"),
        "二、工作任务：" + pick("组织开展志愿服务活动不少于6次", "按季度召开创建工作会议", "做好创建台账资料的收集整理"),
        "三、考核奖惩：年终对照目标进行考核，考核结果与评先评优挂钩。",
        "甲方（盖章）：" + a.name() + "        乙方（签字）：" + person());
    d.sign(null, day(y), pick(Sign.ARABIC, Sign.NONE));
    add(d, title, format("docx", "pdf", "docx"), "responsibility", v);
  }

  private void plan(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("plan");
    String title =
        switch (v) {
          case 0 -> y + "年文明单位创建工作计划";
          case 1 -> "关于印发《" + a.name() + y + "年精神文明建设实施方案》的通知";
          case 2 -> y + "年创建工作要点";
          default -> "文明校园创建三年行动方案（" + y + "—" + (y + 2) + "年）";
        };
    if (v == 1) {
      d.head(a.name() + "文件");
      d.p(a.prefix() + "〔" + y + "〕" + (1 + rng.nextInt(30)) + "号");
    }
    d.title(title);
    d.p(
        pick("为深入推进", "为扎实做好", "为进一步推动")
            + y
            + "年"
            + pick("文明创建", "精神文明建设", "文明城市创建")
            + "工作，结合本单位实际，制定本"
            + (v == 2 ? "要点" : "方案")
            + "。",
        "一、指导思想",
        "坚持以社会主义核心价值观为引领，以提升群众文明素质和社会文明程度为目标。",
        "二、主要任务",
        "（一）" + pick("加强思想道德建设，每季度开展一次道德讲堂。", "深化志愿服务，组建不少于3支志愿服务队。", "优化服务环境，开展文明窗口创建。"),
        "（二）" + pick("推进移风易俗，修订完善村规民约。", "加强未成年人思想道德建设。", "开展文明家庭、好媳妇评选活动。"),
        "三、时间安排",
        "3月底前完成动员部署，6月底前完成中期自查，11月底前迎接考核验收。",
        "四、保障措施",
        "各部门要高度重视，明确责任人，" + pick("确保各项任务落到实处。", "按时报送工作进展。"));
    d.sign(a.name(), day(y), sign());
    add(d, title, format("docx", "pdf", "docx", "rtf"), "plan", v);
  }

  private void halfYear(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("half-year-summary");
    String title =
        switch (v) {
          case 0 -> y + "年上半年精神文明建设工作小结";
          case 1 -> a.name() + y + "年上半年创建工作总结";
          case 2 -> "上半年文明创建工作小结";
          default -> y + "年半年工作总结（文明创建）";
        };
    d.title(title);
    d.p(
        "今年以来，在"
            + pick("县文明办", "镇党委", "上级行", "局党组")
            + "的正确领导下，我"
            + pick("单位", "村", "行", "院", "校")
            + "紧紧围绕创建目标，扎实推进各项工作，现将上半年工作小结如下。",
        "一、主要工作",
        "1．开展志愿服务活动" + (3 + rng.nextInt(8)) + "次，参与人数" + (40 + rng.nextInt(200)) + "人次。",
        "2．召开创建工作会议" + (2 + rng.nextInt(3)) + "次，研究解决问题" + (3 + rng.nextInt(6)) + "个。",
        "二、存在不足",
        pick("台账资料整理不够及时。", "宣传氛围营造还需加强。", "部分职工参与积极性不高。"),
        "三、下半年打算",
        pick("继续深化志愿服务，力争年底顺利通过测评。", "加强督促检查，确保各项指标达标。"));
    d.sign(a.name(), LocalDate.of(y, 6 + rng.nextInt(2), 1 + rng.nextInt(28)), sign());
    add(d, title, format("docx", "pdf", "txt"), "half-year-summary", v);
  }

  private void annual(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("annual-summary");
    String title =
        switch (v) {
          case 0 -> y + "年度文明创建工作总结";
          case 1 -> a.name() + y + "年精神文明建设工作年终总结";
          case 2 -> y + "年创建工作总结";
          default -> "关于" + y + "年度文明单位创建工作情况的总结";
        };
    d.title(title);
    d.p(
        y + "年，我们坚持" + pick("高标准谋划、高质量推进", "以人民为中心", "创建为民、创建惠民") + "，全年各项创建任务圆满完成。现总结如下：",
        "一、组织领导有力。" + pick("调整充实了创建工作领导小组，", "主要领导亲自抓，") + "全年召开专题会议" + (4 + rng.nextInt(4)) + "次。",
        "二、活动开展扎实。全年开展"
            + pick("学雷锋", "敬老助残", "文明交通劝导", "清洁家园")
            + "等志愿服务活动"
            + (10 + rng.nextInt(20))
            + "次。",
        "三、存在的问题。" + pick("部分活动记录不够规范。", "创建工作与业务工作结合不够紧密。"),
        "四、明年工作思路。" + pick("巩固创建成果，争创更高层次文明单位。", "进一步完善长效机制。"));
    d.sign(a.name(), LocalDate.of(y, 12, 1 + rng.nextInt(28)), sign());
    add(d, title, format("docx", "pdf", "docx", "txt"), "annual-summary", v);
  }

  private void briefing(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("briefing");
    int no = 1 + rng.nextInt(20);
    String title =
        switch (v) {
          case 0 -> "文明创建工作简报（第" + no + "期）";
          case 1 -> "创建工作动态 第" + no + "期";
          case 2 -> a.name() + "精神文明建设简报";
          default -> "文明创建信息专报 " + y + "年第" + no + "期";
        };
    d.title(title);
    int style = rng.nextInt(3);
    if (style == 0) {
      d.p(a.name() + pick("办公室", "创建办", "党政办") + "编        " + arabic(when)).day(when);
    } else if (style == 1) {
      d.p("第" + no + "期").p(pick("创建办编印", "办公室编")).p(chinese(when, true)).day(when);
    } else {
      d.p("第" + no + "期    " + pick("创建办编印", "办公室编"));
    }
    d.p(
        "【" + pick("工作动态", "创建快讯", "基层风采") + "】",
        pick("近日，", "本周，", "日前，")
            + a.name()
            + pick("组织志愿者走进敬老院开展慰问活动", "开展“文明交通我先行”劝导活动", "召开创建工作推进会，部署下阶段重点任务")
            + "。",
        pick("活动中，志愿者们为老人打扫卫生、理发、陪老人聊天。", "参与活动的干部职工纷纷表示，要以实际行动为创建工作贡献力量。"),
        "【下步安排】" + pick("继续做好迎检准备工作。", "组织开展道德讲堂活动。"));
    if (style == 2) {
      d.p("（报：县文明办    送：各部门    发：各科室）");
    }
    add(d, title, format("docx", "pdf", "txt"), "briefing", v);
  }

  private void rules(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("rules");
    String title =
        switch (v) {
          case 0 -> pick("文明办公管理制度", "创建台账资料管理制度", "志愿服务工作制度");
          case 1 -> pick("志愿服务队管理办法", "文明窗口评选管理办法");
          case 2 -> pick("柳林村村规民约", "幸福社区居民公约", "河口村村规民约");
          default -> pick("文明礼仪守则", "学生文明行为守则", "员工文明服务守则");
        };
    d.title(title);
    d.p(
        "第一条 为"
            + pick("规范管理", "加强精神文明建设", "弘扬文明新风")
            + "，根据有关规定，结合实际，制定本"
            + (v == 1 ? "办法" : v == 3 ? "守则" : v == 2 ? "公约" : "制度")
            + "。",
        "第二条 " + pick("全体干部职工应当遵守本规定。", "本村（社区）全体居民应自觉遵守。", "全体师生应自觉遵守。"),
        "第三条 " + pick("办公场所保持整洁，物品摆放有序。", "红白喜事从简办理，不大操大办。", "文明用语，礼貌待人。", "不乱扔垃圾，不随地吐痰。"),
        "第四条 " + pick("对违反本制度的，予以批评教育。", "本办法由办公室负责解释。", "本公约经村民代表会议讨论通过。"),
        "第五条 本" + (v == 1 ? "办法" : "规定") + "自印发之日起施行。");
    d.sign(v % 2 == 0 ? a.name() : null, day(y), pick(Sign.ARABIC, Sign.NONE));
    add(d, title, format("pdf", "docx", "txt", "rtf"), "rules", v);
  }

  private void inspection(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("inspection");
    String title =
        switch (v) {
          case 0 -> y + "年第" + pick("一", "二", "三") + "季度文明创建自查报告";
          case 1 -> "创建工作督查记录";
          case 2 -> "环境卫生检查记录表";
          default -> y + "年度" + pick("党支部考核", "科室年终考核测评表", "创建工作考评");
        };
    d.title(title);
    if (v == 2 || v == 1) {
      d.p((v == 2 ? "检查时间：" : "督查时间：") + arabic(when)).day(when);
      d.p((v == 2 ? "检查人：" : "督查组成员：") + people(2));
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("检查项目", "检查情况", "扣分", "整改要求"));
      for (String item : List.of("公共区域卫生", "宣传栏更新", "志愿服务台账", "文明用语")) {
        rows.add(
            List.of(
                item,
                pick("良好", "基本达标", "存在问题"),
                String.valueOf(rng.nextInt(3)),
                pick("立即整改", "无", "一周内完成")));
      }
      d.table(rows);
    } else {
      d.p(
          "根据"
              + pick("县文明办", "镇创建办", "上级行")
              + "的安排，我们对照测评细则，对本单位创建工作进行了全面"
              + (v == 0 ? "自查" : "考核")
              + "，情况如下：",
          "一、基本情况：" + pick("各项制度健全，台账资料基本齐全。", "考核得分" + (80 + rng.nextInt(20)) + "分，等次为优秀。"),
          "二、存在问题：" + pick("个别活动照片缺少说明。", "公益广告数量不足。"),
          "三、整改措施：" + pick("限期补齐。", "落实到人。"));
      d.sign(a.name(), day(y), sign());
    }
    add(d, title, format("docx", "xlsx", "pdf"), "inspection", v);
  }

  private void award(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("award");
    String title =
        switch (v) {
          case 0 -> "关于表彰" + y + "年度" + pick("文明家庭", "优秀志愿者", "文明科室") + "的决定";
          case 1 -> y + "年度" + pick("最美家庭", "道德模范", "星级文明户") + "评选结果公示";
          case 2 -> "关于" + y + "年度文明创建先进集体和先进个人的通报";
          default -> pick("文明科室评比结果", "创建工作奖惩情况登记") + "（" + y + "年）";
        };
    d.title(title);
    d.p(
        y
            + "年，"
            + pick("广大干部职工", "全体村民", "全校师生")
            + "积极投身创建工作，涌现出一批"
            + pick("先进典型", "好人好事")
            + "。为"
            + pick("树立典型、弘扬正气", "激励先进"),
        "经" + pick("推荐评选", "民主评议", "研究决定") + "，" + pick("对以下集体和个人予以表彰", "现将评选结果公示如下") + "：",
        pick("先进集体：", "获奖名单：") + pick("办公室、财务科、一组", "第三村民小组、第五村民小组", "高一（3）班、初二（1）班"),
        pick("先进个人：", "优秀志愿者：") + people(4));
    d.sign(a.name(), day(y), sign());
    add(d, title, format("pdf", "docx", "docx"), "award", v);
  }

  private void application(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("application");
    String title =
        switch (v) {
          case 0 -> y + "年度" + pick("县级文明单位", "市级文明单位") + "申报表";
          case 1 -> pick("文明家庭推荐表", "道德模范候选人推荐表", "最美志愿者推荐表");
          case 2 -> "文明校园创建申报书";
          default -> pick("文明村镇申报审批表", "星级文明户审批表");
        };
    d.title(title);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("单位（个人）名称", v == 1 ? person() : a.name()));
    rows.add(List.of("主要负责人", person()));
    rows.add(
        List.of("联系电话", "0" + (300 + rng.nextInt(600)) + "-" + (6000000 + rng.nextInt(999999))));
    rows.add(List.of("主要事迹", pick("长期坚持志愿服务，带动身边群众参与公益。", "创建工作成效明显，连续三年测评优秀。", "孝老爱亲，邻里和睦。")));
    rows.add(List.of("所在单位意见", "同意推荐。（盖章）"));
    d.table(rows);
    if (rng.nextBoolean()) {
      LocalDate when = day(y);
      d.p("填表日期：" + arabic(when)).day(when);
    } else {
      d.p("填表日期：    年  月  日");
    }
    add(d, title, format("docx", "xlsx", "pdf"), "application", v);
  }

  private void survey(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("survey");
    String title =
        switch (v) {
          case 0 -> "群众满意度测评表";
          case 1 -> y + "年文明创建民意测评汇总";
          case 2 -> pick("居民", "患者", "家长", "客户") + "满意度调查问卷";
          default -> "文明单位创建测评表（" + pick("职工", "服务对象") + "填写）";
        };
    d.title(title);
    d.p("被测评单位：" + a.name());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("测评内容", "满意", "基本满意", "不满意"));
    for (String item : List.of("服务态度", "办事效率", "环境卫生", "文明用语", "公益活动")) {
      rows.add(List.of(item, pick("√", ""), pick("", "√"), ""));
    }
    d.table(rows);
    if (rng.nextInt(3) == 0) {
      LocalDate when = day(y);
      d.p("测评日期：" + arabic(when)).day(when);
    } else if (v == 1) {
      d.p("共发放问卷" + (50 + rng.nextInt(100)) + "份，收回有效问卷" + (40 + rng.nextInt(50)) + "份。");
    }
    add(d, title, format("xlsx", "docx", "pdf"), "survey", v);
  }

  private void honor(int v) {
    Agency a = agency();
    int y = year();
    D d = new D("honor");
    String title =
        switch (v) {
          case 0 -> pick("县级文明单位荣誉证书", "市级文明校园荣誉证书", "文明村镇荣誉称号证书");
          case 1 -> pick("县电视台", "临河日报", "安平发布") + "关于我" + pick("行", "院", "校", "村") + "志愿服务的新闻报道";
          case 2 -> pick("获奖证书", "荣誉证书") + "（" + y + "年）";
          default -> pick("媒体报道", "新闻报道") + "：" + pick("小小志愿者走进社区", "白衣天使义诊进乡村", "金融知识进万家");
        };
    d.title(title);
    LocalDate when = day(y);
    if (v % 2 == 0) {
      d.p(a.name() + "：", "你单位被评为" + y + "年度" + pick("县级文明单位", "市级文明单位", "文明校园") + "，特发此证，以资鼓励。");
      d.sign(pick("临河县精神文明建设委员会", "中共安平县委 安平县人民政府"), when, pick(Sign.ARABIC, Sign.CHINESE_MONTH));
    } else {
      d.p(
          "本报讯（记者 "
              + person()
              + "）"
              + pick("日前，", "近日，")
              + a.name()
              + "组织"
              + pick("青年志愿者", "医护人员", "党员干部")
              + pick("走进社区", "深入乡村", "来到学校")
              + "，开展"
              + pick("义诊", "金融知识宣传", "环境整治")
              + "活动。",
          pick("活动受到群众广泛好评。", "现场气氛热烈。"));
      if (rng.nextBoolean()) {
        d.p("发布时间：" + arabic(when)).day(when);
      }
    }
    add(d, title, format("pdf", "docx", "txt"), "honor", v);
  }

  private void activity(int v) {
    Agency a = agency();
    int y = year();
    LocalDate when = day(y);
    D d = new D("activity");
    String theme = pick("学雷锋志愿服务", "“我们的节日·端午”", "垃圾分类宣传", "敬老院慰问", "文明交通劝导", "全民阅读", "清洁家园");
    String title =
        switch (v) {
          case 0 -> theme + "活动记录";
          case 1 -> theme + "主题活动方案";
          case 2 -> theme + "活动总结";
          default -> theme + "活动";
        };
    d.title(title);
    if (v == 1) {
      d.p(
          "一、活动主题：" + theme,
          "二、活动时间：" + arabic(when),
          "三、活动地点：" + pick("社区广场", "村文化礼堂", "县城主要路口", "学校操场"),
          "四、参加人员：" + pick("全体党员", "青年志愿者", "全体教职工"),
          "五、活动内容：" + pick("发放宣传资料，现场讲解。", "为老人打扫卫生、表演节目。"),
          "六、工作要求：注意安全，做好记录和宣传报道。");
      d.day(when);
    } else if (v == 3) {
      d.p(
          "活动名称：" + theme + "活动",
          "活动时间：" + (rng.nextBoolean() ? arabic(when) : y + "年" + when.getMonthValue() + "月"),
          "活动地点：" + pick("社区广场", "村文化礼堂", "县城主要路口"),
          "组织单位：" + a.name(),
          "参加人员：" + people(5),
          "活动内容：" + pick("志愿者分组清理小广告和卫生死角。", "向过往群众宣传文明交通知识。"));
      if (d.blocks.get(d.blocks.size() - 5) instanceof Block.Para p && p.text().endsWith("日")) {
        d.day(when);
      } else {
        d.month(when);
      }
    } else {
      d.p(
          pick("为弘扬志愿服务精神，", "为营造文明和谐氛围，", "为进一步推进创建工作，")
              + a.name()
              + "于"
              + arabic(when)
              + "组织开展了"
              + theme
              + "活动。",
          "本次活动共有"
              + (15 + rng.nextInt(60))
              + "人参加，"
              + pick("发放宣传资料300余份。", "清理垃圾20余袋。", "慰问老人30余名。"),
          pick("活动取得了良好效果。", "下一步将把此项活动常态化开展。"));
      if (v == 2) {
        d.sign(a.name(), when.plusDays(2), pick(Sign.ARABIC, Sign.NONE));
        if (d.precision.equals("none")) {
          d.day(when); // the day the activity was held, as the text states it
        }
      } else {
        d.day(when);
      }
    }
    add(d, title, format("docx", "pdf", "docx", "txt"), "activity", v);
  }

  private void photo(int v) {
    int y = year();
    LocalDate when = day(y);
    D d = new D("photo");
    String theme = pick("学雷锋志愿服务", "垃圾分类宣传", "敬老院慰问", "文明交通劝导", "清洁家园", "道德讲堂");
    String title =
        switch (v) {
          case 0 -> theme + "活动照片" + (1 + rng.nextInt(6));
          case 1 ->
              "IMG_" + when.toString().replace("-", "") + "_" + (100000 + rng.nextInt(800000));
          case 2 -> theme + "活动现场";
          default -> pick("DSC", "P", "微信图片_") + (1000 + rng.nextInt(8000));
        };
    d.exif = when.atTime(8 + rng.nextInt(9), rng.nextInt(60), rng.nextInt(60));
    d.day(when);
    add(d, title, "jpg", "photo", v);
  }

  /** Material units hand in that is not 创建 evidence, though it looks like some. */
  private void notEvidence(int v) {
    int y = year();
    D d = new D("none");
    String title;
    String format;
    switch (v) {
      case 0 -> {
        title = y + "年办公用品采购台账";
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "采购项目", "数量", "金额（元）", "计划结束采购时间", "经办人"));
        for (int i = 1; i <= 6; i++) {
          rows.add(
              List.of(
                  String.valueOf(i),
                  pick("打印纸", "硒鼓", "文件盒", "签字笔", "档案袋"),
                  String.valueOf(1 + rng.nextInt(50)),
                  String.valueOf(20 + rng.nextInt(900)),
                  y + "年" + (1 + rng.nextInt(12)) + "月",
                  person()));
        }
        d.title(title).table(rows);
        format = "xlsx";
      }
      case 1 -> {
        title = pick("行政审批办理流程图", "信访事项处理流程图", "公章使用审批流程图");
        d.title(title)
            .p("申请人提交材料", "↓", "窗口受理（1个工作日）", "↓", "科室审核（3个工作日）", "↓", "分管领导审批", "↓", "办结归档");
        format = pick("docx", "pdf");
      }
      case 2 -> {
        title = "入党申请书";
        LocalDate when = day(y);
        d.title(title)
            .p(
                "敬爱的党组织：",
                "我志愿加入中国共产党。在工作中我积极向身边的先进同志学习，主动参加单位组织的各项活动和志愿服务，努力提高自身素质。",
                "请党组织在实践中考验我。");
        d.right("申请人：" + person());
        d.sign(null, when, pick(Sign.ARABIC, Sign.CHINESE));
        format = pick("docx", "pdf", "txt");
      }
      case 3 -> {
        title = y + "年第" + pick("一", "二", "三", "四") + "季度思想汇报";
        d.title(title)
            .p(
                "敬爱的党组织：",
                "本季度，我认真参加支部组织的学习活动和主题党日活动，深刻体会到作为一名入党积极分子的责任。",
                "在今后的工作中，我将以党员标准严格要求自己。");
        d.right("汇报人：" + person());
        d.sign(null, day(y), sign());
        format = pick("docx", "txt");
      }
      case 4 -> {
        title = pick("请假条", "请假单");
        LocalDate when = day(y);
        d.title(title)
            .p(
                pick("尊敬的", "") + pick("王主任", "李校长", "张行长") + "：",
                "本人因" + pick("家中有事", "身体不适", "孩子生病") + "，需请假" + (1 + rng.nextInt(3)) + "天，望批准。");
        d.right("请假人：" + person());
        d.sign(null, when, Sign.ARABIC);
        format = pick("docx", "txt");
      }
      case 5 -> {
        Agency land = new Agency("临河县规划和自然资源局", "bureau", "临规资发");
        title = "关于做好" + y + "年度土地变更调查工作的通知";
        d.head(land.name() + "文件")
            .p(land.prefix() + "〔" + y + "〕" + (1 + rng.nextInt(30)) + "号")
            .title(title);
        d.p(
            "各乡镇人民政府，局属各单位：",
            "根据国土空间总体规划和年度土地利用计划安排，现就做好" + y + "年度土地变更调查工作通知如下：",
            "一、各乡镇要按照规划要求，核实本辖区新增建设用地情况。",
            "二、请于11月20日前将调查成果报送我局耕保股。");
        d.sign(land.name(), day(y), pick(Sign.ARABIC, Sign.CHINESE));
        format = pick("pdf", "docx");
      }
      case 6 -> {
        title = pick("职工通讯录", "值班安排表", "党员花名册");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "姓名", "部门", "联系电话"));
        for (int i = 1; i <= 8; i++) {
          rows.add(
              List.of(
                  String.valueOf(i),
                  person(),
                  pick("办公室", "业务科", "后勤"),
                  "139" + (10000000 + rng.nextInt(89999999))));
        }
        d.title(title).table(rows);
        format = pick("xlsx", "docx");
      }
      case 7 -> {
        title = pick("关于召开2024年安全生产工作会议的通知", "关于做好节假日值班工作的通知", "关于开展职工体检的通知");
        Agency a = agency("bureau", "town", "hospital", "school");
        d.title(title)
            .p(
                "各科室：",
                pick("经研究，定于下周三下午召开会议，请相关人员准时参加。", "请各部门认真安排值班人员，确保通讯畅通。", "请全体职工于本月内到县人民医院完成体检。"));
        d.sign(a.name(), day(y), sign());
        format = pick("docx", "pdf");
      }
      case 8 -> {
        title = pick("个人简历", "转正申请");
        d.title(title)
            .p(
                "姓名：" + person(),
                "学历：本科",
                "工作经历：" + (2010 + rng.nextInt(10)) + "年参加工作，先后在办公室、业务科工作。",
                "本人在工作中积极参加各项活动，多次被评为先进工作者。");
        format = pick("docx", "txt");
      }
      default -> {
        title = y + "年" + pick("差旅费报销单", "职工工资表");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("姓名", "项目", "金额", "备注"));
        for (int i = 0; i < 5; i++) {
          rows.add(
              List.of(
                  person(),
                  pick("交通费", "住宿费", "基本工资", "绩效"),
                  String.valueOf(100 + rng.nextInt(5000)),
                  ""));
        }
        d.title(title).table(rows);
        format = "xlsx";
      }
    }
    add(d, title, format, "none-" + v, v / 5);
  }
}
