package org.taizhang.tools.ocr;

import java.util.List;

/**
 * Wording of the OCR test set: notices, minutes, ledgers, sign-in sheets, banners and screenshots
 * as a county's offices write them. Written for this set only, so that no page repeats the sample
 * archive's templates (what the engines are measured on must not be what the product was tuned on).
 */
final class OcrSetTexts {
  private OcrSetTexts() {}

  /** Issuing agencies of notices. */
  static final List<String> AGENCIES =
      List.of(
          "柳溪县精神文明建设委员会办公室",
          "柳溪县城市管理和综合执法局",
          "南坪镇人民政府",
          "柳溪县教育体育局",
          "柳溪县卫生健康局",
          "东湖街道办事处",
          "柳溪县市场监督管理局",
          "柳溪县交通运输局");

  /** Short codes of the agencies, for 文号. */
  static final List<String> CODES =
      List.of("柳文明办", "柳城管", "南坪政", "柳教体", "柳卫健", "东湖办", "柳市监", "柳交运");

  /** Subjects of notices: the title's matter and the paragraphs of its body. */
  record Notice(String title, List<String> body) {}

  static final List<Notice> NOTICES =
      List.of(
          new Notice(
              "关于开展背街小巷环境卫生集中整治的通知",
              List.of(
                  "各村（社区）、县直各有关单位：",
                  "为进一步改善城乡人居环境，经研究，决定自即日起至本月底在全县范围内开展背街小巷环境卫生集中整治。",
                  "一、整治范围。城区主次干道两侧的背街小巷、老旧小区、农贸市场周边及城乡结合部。",
                  "二、整治内容。清理卫生死角和乱堆乱放，规范非机动车停放，拆除违规广告牌和乱拉乱挂。",
                  "三、工作要求。各单位要明确专人负责，每周五下班前报送整治进展，县文明办将组织暗访并通报结果。")),
          new Notice(
              "关于做好文明餐桌行动宣传引导工作的通知",
              List.of(
                  "各乡镇人民政府，县直有关部门：",
                  "为深入推进厉行节约、反对浪费，现就做好文明餐桌行动宣传引导工作通知如下。",
                  "一、各餐饮单位要在显著位置张贴光盘行动提示牌，主动提醒顾客适量点餐。",
                  "二、机关食堂实行按需取餐，每月公布剩餐情况，纳入单位文明创建考核内容。",
                  "三、请于下月五日前将工作开展情况书面报送县文明办，联系电话见附件。")),
          new Notice(
              "关于组织开展秋季学校周边交通安全劝导的通知",
              List.of(
                  "各中小学校、幼儿园：",
                  "秋季开学在即，为保障师生上下学交通安全，决定组织开展学校周边交通安全劝导活动。",
                  "一、每天早晚高峰时段，各校安排教师和家长志愿者在校门口开展护学岗值守。",
                  "二、交警中队负责校门周边车辆疏导，对违规停车和占道经营及时劝离。",
                  "三、各校要做好值守记录，遇有安全隐患立即报告属地派出所。")),
          new Notice(
              "关于开展无偿献血志愿服务活动的通知",
              List.of(
                  "各科室、各支部：",
                  "为弘扬无私奉献精神，县卫生健康局定于下周三上午在县人民广场开展无偿献血志愿服务活动。",
                  "一、年满十八周岁、身体健康的干部职工均可报名，报名截止时间为本周五。",
                  "二、献血前一天请注意休息，不饮酒，当天早餐宜清淡。",
                  "三、各支部要做好组织动员，报名表请交至机关党委办公室。")),
          new Notice(
              "关于规范城区户外广告设置管理的通知",
              List.of(
                  "各有关单位、各商户：",
                  "为提升城市形象，根据有关规定，现就规范城区户外广告设置管理有关事项通知如下。",
                  "一、设置户外广告须依法办理审批手续，未经批准不得擅自设置。",
                  "二、已设置的广告牌匾应保持整洁完好，破损褪色的应在十日内修复或更换。",
                  "三、对逾期不整改的，县城管局将依法予以拆除，所需费用由设置人承担。")),
          new Notice(
              "关于评选表扬身边好人的通知",
              List.of(
                  "各镇（街道）文明办，县直各单位：",
                  "为大力弘扬社会主义核心价值观，决定在全县开展身边好人推荐评选活动。",
                  "一、推荐范围包括助人为乐、见义勇为、诚实守信、敬业奉献、孝老爱亲五类。",
                  "二、推荐对象应事迹突出、群众公认，推荐材料须附事迹简介和近期照片。",
                  "三、请各单位认真组织推荐，按时报送推荐表，逾期不再受理。")));

  /** Meeting records: the header fields and the discussion. */
  record Minutes(
      String title, String time, String place, String host, String recorder, List<String> body) {}

  static final List<Minutes> MINUTES =
      List.of(
          new Minutes(
              "南坪镇文明创建工作推进会会议记录",
              "2024年3月12日上午9时",
              "镇政府三楼会议室",
              "周立新",
              "许晓燕",
              List.of(
                  "会议听取了各村一季度文明创建工作进展情况汇报。",
                  "周立新指出，当前存在台账资料不齐、宣传氛围不浓等问题，各村要对照测评体系逐项整改。",
                  "会议明确，四月底前完成公益广告更新，五月组织一次交叉检查。")),
          new Minutes(
              "东湖街道志愿服务工作座谈会记录",
              "2024年5月8日下午3时",
              "街道新时代文明实践所",
              "陈慧敏",
              "刘一帆",
              List.of(
                  "与会人员围绕志愿服务项目化运作进行了交流。",
                  "各社区汇报了志愿者注册、服务时长记录和星级评定情况。",
                  "会议要求进一步完善积分兑换制度，每季度公布一次志愿服务排行。")),
          new Minutes(
              "县教育体育局党组会议纪要",
              "2024年9月20日上午",
              "局机关二楼会议室",
              "林海涛",
              "孙佳",
              List.of(
                  "会议传达学习了全县文明校园创建推进会精神。",
                  "会议研究了校园周边环境整治、师德师风建设和家长学校工作。",
                  "会议决定由办公室牵头，十月中旬前完成各校创建资料的汇总归档。")),
          new Minutes(
              "柳溪县卫生健康局文明单位创建领导小组会议记录",
              "2024年11月6日上午10时",
              "局办公楼五楼会议室",
              "黄建平",
              "吴梦琪",
              List.of(
                  "会议通报了年度文明单位测评自查情况，指出窗口服务和环境卫生仍有短板。",
                  "会议要求各科室对照问题清单限期整改，整改情况纳入年终考核。",
                  "会议安排下月开展一次文明服务窗口评选。")));

  /** Rows of ledgers: what was done, by whom, by when. */
  static final List<List<String>> LEDGER_ROWS =
      List.of(
          List.of("更新公益广告宣传栏", "宣传办", "4月30日", "已完成"),
          List.of("清理楼道堆放杂物", "物业公司", "5月15日", "进行中"),
          List.of("组织垃圾分类入户宣传", "社区居委会", "5月20日", "已完成"),
          List.of("修缮健身器材和座椅", "城建办", "6月10日", "未开始"),
          List.of("开展文明交通劝导", "交警中队", "6月30日", "进行中"),
          List.of("建立志愿服务积分档案", "文明实践站", "7月15日", "已完成"),
          List.of("整治沿街商户占道经营", "城管中队", "7月31日", "进行中"),
          List.of("举办道德讲堂两期", "宣传办", "8月20日", "未开始"),
          List.of("排查老旧小区消防隐患", "应急办", "9月5日", "已完成"),
          List.of("评选最美家庭十户", "妇联", "9月30日", "未开始"));

  /** People on sign-in sheets: name, their unit, their post. */
  static final List<List<String>> ATTENDEES =
      List.of(
          List.of("王振华", "南坪镇党政办", "主任"),
          List.of("李晓红", "南坪镇文化站", "站长"),
          List.of("张国栋", "石桥村", "党支部书记"),
          List.of("赵敏", "东湖社区", "网格员"),
          List.of("刘建军", "柳溪县城管局", "科员"),
          List.of("陈雪梅", "县妇联", "副主席"),
          List.of("杨帆", "青年志愿者协会", "队长"),
          List.of("黄丽娟", "县第二中学", "教师"),
          List.of("周志刚", "河西村", "村委会主任"),
          List.of("吴静", "县卫生健康局", "科长"),
          List.of("郑海波", "县交通运输局", "副科长"),
          List.of("孙丽萍", "新华社区", "社区主任"),
          List.of("马文博", "县融媒体中心", "记者"),
          List.of("朱红霞", "县市场监管局", "科员"));

  /** Meetings and trainings people sign in for. */
  static final List<String> SIGN_IN_TITLES =
      List.of(
          "新时代文明实践志愿服务培训会签到表",
          "垃圾分类工作推进会签到表",
          "道德讲堂活动签到表",
          "文明创建业务培训班签到表",
          "社区网格员工作例会签到表",
          "创建全国文明城市动员大会签到表");

  /** Banners in activity photos: the slogan, and the organiser beneath it (may be empty). */
  record Banner(String slogan, String organiser) {}

  static final List<Banner> BANNERS =
      List.of(
          new Banner("学雷锋志愿服务活动", "南坪镇新时代文明实践所"),
          new Banner("垃圾分类从我做起", "东湖街道办事处"),
          new Banner("文明交通我先行", "柳溪县交通运输局"),
          new Banner("弘扬传统美德共建和谐社区", ""),
          new Banner("全民健身日主题活动", "柳溪县教育体育局"),
          new Banner("敬老爱老重阳节慰问活动", "石桥村党支部"),
          new Banner("创建全国文明城市人人参与", ""),
          new Banner("关爱留守儿童志愿服务", "县妇联"));

  /** Short notices as they appear on a phone: a title, a source line, a few paragraphs. */
  static final List<Notice> SCREENSHOTS =
      List.of(
          new Notice(
              "关于周末开展文明城市创建志愿服务的通知",
              List.of(
                  "各支部：本周六上午八点半在人民公园东门集合，开展清洁家园志愿服务。",
                  "请各支部至少安排五名党员参加，穿志愿者马甲，自带手套。",
                  "联系人：办公室小王。")),
          new Notice(
              "停水通知",
              List.of("因供水管网改造，明天上午九时至下午五时，新华路沿线小区暂停供水。", "请居民提前做好储水准备，给您带来不便敬请谅解。", "柳溪县自来水公司")),
          new Notice(
              "关于报送第三季度创建台账资料的通知",
              List.of(
                  "各村（社区）：请于九月二十五日前将第三季度文明创建台账资料报送镇文明办。",
                  "资料包括会议记录、活动照片、签到表和工作小结，电子版发至工作邮箱。",
                  "逾期未报的将在全镇通报。")),
          new Notice(
              "文明祭扫倡议书",
              List.of(
                  "清明将至，为倡导绿色环保、安全文明的祭扫方式，特向广大市民发出如下倡议：",
                  "提倡鲜花祭扫、网络祭扫、家庭追思等新方式，不在林区焚烧纸钱、燃放鞭炮。",
                  "让我们共同守护青山绿水，以文明方式寄托哀思。")),
          new Notice(
              "关于举办道德讲堂的通知",
              List.of("定于本周四下午三点在社区活动中心举办道德讲堂，主题为孝老爱亲。", "请各网格通知辖区居民参加，活动结束后请填写签到表。", "东湖社区居委会")),
          new Notice(
              "会议通知",
              List.of(
                  "兹定于明天上午十点在四楼会议室召开创建工作调度会，请各科室负责人准时参加。",
                  "会议内容：通报上月测评情况，部署下阶段整改任务。",
                  "请勿缺席，确有特殊情况须向分管领导请假。")));
}
