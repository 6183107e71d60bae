package org.taizhang.tools.benchmark;

import java.util.List;
import java.util.stream.Stream;
import org.taizhang.tools.sample.BenchUnitFactory;
import org.taizhang.tools.sample.FlavorTexts;

/**
 * Phrase banks for the synthetic ledger corpus of {@link SearchBenchmark}. What each kind of unit
 * writes about is the sample generator's ({@link FlavorTexts}); templates use {@code {name}}
 * variables filled per unit and year (see {@link SearchBenchmarkTexts}) and {@code {#a-b}} for
 * figures.
 */
final class SearchBenchmarkPhrases {
  private SearchBenchmarkPhrases() {}

  /**
   * One kind of unit: how it names itself and its parts, and the sample generator's phrase banks
   * for it.
   */
  record Flavor(
      String type,
      String creation,
      String self,
      String subunits,
      String officeDept,
      String clients,
      String servicePlace,
      FlavorTexts texts) {}

  static final List<String> SURNAMES =
      List.of(
          "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
          "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
          "袁", "蔡", "蒋", "余", "邵", "江", "程", "汪", "方", "石", "熊", "孟", "秦", "严");
  static final List<String> GIVEN =
      List.of(
          "建国", "志强", "海燕", "丽华", "文斌", "晓东", "红梅", "明", "静", "伟", "敏", "磊", "娟", "俊杰", "秀英", "国庆",
          "春燕", "立军", "玉兰", "德明", "雪", "涛", "慧", "鹏", "佳琪", "子涵", "晓峰", "永刚", "桂英", "少华", "燕", "新民",
          "小平", "晨", "宇", "婷", "浩", "丹", "勇", "霞", "建军", "凤英", "长春", "海波", "金花", "利民", "思远", "雨欣");
  static final List<String> COUNTIES =
      List.of("青禾县", "石泉县", "云岭县", "白河县", "松阳县", "临溪县", "安平县", "清源县", "永宁县", "兴隆县", "望江县", "乐安县");

  /** The generator's bureaus, then more, so that a larger county has as many as it needs. */
  static final List<String> BUREAUS =
      Stream.concat(
              BenchUnitFactory.BUREAUS.stream(), Stream.of("教育局", "卫生健康委员会", "发展和改革局", "生态环境分局"))
          .toList();

  static final List<String> TOWNS =
      List.of("青山镇", "石门镇", "白沙镇", "云溪镇", "桃源镇", "龙口镇", "双河镇", "梅岭乡", "古城镇", "新塘镇", "柳林镇", "高桥镇");
  static final List<String> VILLAGES =
      List.of(
          "石桥村", "桃园村", "枫林村", "上湾村", "下湾村", "竹园村", "新庄村", "王家村", "李家坪村", "黄泥塘村", "双桥村", "凤凰村",
          "团结村", "和平村", "梨树村", "荷花村", "茶园村", "东岭村", "西冲村", "南塘村");
  static final List<String> STREETS = List.of("城关街道", "城东街道", "城西街道", "文昌街道", "滨河街道", "城南街道");
  static final List<String> COMMUNITIES =
      List.of(
          "东园", "西苑", "北门", "文昌", "锦绣", "春晖", "翠竹", "和谐", "阳光", "新华", "滨河", "望江", "紫薇", "丹桂", "玉兰",
          "桂花", "清风", "明珠", "金桥", "育才", "银杏", "枫桥");
  static final List<String> SCHOOLS = List.of("中心小学", "初级中学", "中心幼儿园", "实验小学", "第一中学");
  static final List<String> INDUSTRY =
      List.of(
          "农村商业银行%s支行",
          "供电公司%s供电所", "邮政分公司%s邮政支局", "税务局%s税务分局", "自来水公司%s营业所", "公路管理站%s养护站", "移动分公司%s营业厅");
  static final List<String> ROOMS =
      List.of("三楼会议室", "二楼会议室", "一楼会议室", "党员活动室", "党群服务中心会议室", "多功能厅");
  static final List<String> PLACES =
      List.of(
          "县文化广场",
          "人民路与文昌路交叉口",
          "滨河公园",
          "县城汽车站",
          "农贸市场",
          "县图书馆",
          "敬老院",
          "县人民医院门前",
          "城关小学门口",
          "新时代文明实践广场",
          "河道沿线",
          "老旧小区",
          "集贸市场",
          "高铁站广场");
  static final List<String> ABSENCE_REASONS = List.of("公出", "病假", "参加县里培训", "外出学习", "事假");

  /** Sentences any creation ledger may contain. */
  static final List<String> COMMON =
      List.of(
          "{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，认真落实县委、县政府和县文明委关于精神文明建设的各项部署，把文明创建与{coreWork}紧密结合。",
          "领导班子把文明创建列入重要议事日程，与{coreWork}同部署、同落实、同考核。",
          "创建{ledger}资料按月收集、及时归档，做到有计划、有记录、有总结、有照片。",
          "对照测评体系逐项查找差距，列出问题清单，明确责任人和完成时限，做到立行立改。",
          "坚持“以创促建、以建促管”，广泛动员{people}参与，文明创建的群众基础更加牢固。",
          "通过微信公众号、宣传栏和电子显示屏宣传社会主义核心价值观，营造浓厚的创建氛围。",
          "深入开展“我们的节日”主题活动，利用春节、清明、端午、中秋、重阳等传统节日弘扬中华优秀传统文化。",
          "持续开展学雷锋志愿服务，志愿者在{place}开展文明劝导、环境清扫和便民服务，服务群众{#40-200}人次。",
          "全年开展志愿服务活动{#10-24}次，参与{people}{#200-600}人次，累计服务时长{#800-2000}小时。",
          "组织{people}学习《新时代公民道德建设实施纲要》，引导大家自觉践行社会主义核心价值观。",
          "积极参与全县文明城市创建，在重要时间节点组织志愿者开展交通劝导和环境整治。",
          "做好常态长效工作，防止创建工作“一阵风”，坚决杜绝临时突击、事后补做资料等现象。",
          "把创建工作纳入年度目标考核，与评先评优挂钩，激发{people}参与创建的积极性。",
          "及时上报创建工作信息，全年向县文明办报送工作信息{#6-15}篇，被采用{#2-6}篇。",
          "加强诚信建设，开展诚信宣传教育，引导{people}讲诚信、重承诺。",
          "开展“文明餐桌”“光盘行动”宣传，倡导节约用餐、绿色生活。",
          "落实门前“三包”责任，保持环境整洁，做到无乱堆乱放、无乱贴乱画。",
          "组织开展垃圾分类宣传，垃圾分类知晓率明显提高。",
          "举办道德讲堂，讲述身边好人故事，用身边人身边事教育引导{people}。",
          "开展“最美家庭”“身边好人”推荐评选活动，选树先进典型{#3-10}个。",
          "关心关爱困难群众，开展走访慰问{#4-10}次，送去慰问金和慰问品折合{#1-6}万元。",
          "结合新时代文明实践活动，组织理论宣讲、政策解读和文化惠民活动。",
          "规范{ledger}管理，按年度、分类别建立{ledger}目录，会议记录、活动方案、签到表和照片随办随归。",
          "督促各{subunits}落实创建责任，每季度通报一次创建工作进展情况。",
          "对上级督查反馈的问题，逐条制定整改措施，整改完成率达到100%。",
          "做好迎接年度测评准备工作，对照测评细则开展自查，查漏补缺。",
          "活动结束后，及时整理活动照片、签到表和活动小结，归入创建{ledger}。",
          "文明创建是长期工作，不能临时突击，必须久久为功、常抓不懈。",
          "创建工作贵在坚持，难在经常，要把今天议定的事项抓紧落实。",
          "要把活动办好，也要把过程资料留好，做到有计划、有记录、有总结。",
          "创建工作要和{coreWork}同部署、同推进，不搞形式主义，不为了留痕而留痕。",
          "进一步完善创建工作长效机制，推动文明创建由“有没有”向“好不好”转变。",
          "开展文明交通劝导，引导群众自觉遵守交通规则，文明出行。",
          "组织开展消防安全检查和应急疏散演练，提高安全防范意识。",
          "开展网络文明宣传，引导{people}文明上网、理性发声。",
          "开展移风易俗宣传，倡导婚事新办、丧事简办，抵制大操大办和封建迷信。",
          "加强未成年人思想道德建设，开展“新时代好少年”学习宣传活动。",
          "组织{people}观看爱国主义教育影片，参观红色教育基地，接受革命传统教育。",
          "坚持每月开展一次“主题党日”活动，把志愿服务纳入主题党日内容。",
          "创建资料要真实，不得事后补做，活动照片须附文字说明，注明时间、地点、人物和活动内容。");

  static final List<String> GUIDING =
      List.of(
          "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入践行社会主义核心价值观，以创建{levelGoal}为目标，坚持以人民为中心，推动文明创建常态化、长效化。",
          "坚持以习近平新时代中国特色社会主义思想为指导，认真落实县文明委关于深化群众性精神文明创建活动的部署，围绕{coreWork}，着力提升{people}文明素质和单位文明程度。");

  static final List<String> STEPS =
      List.of(
          "（一）动员部署阶段（1月—3月）：制定实施方案，调整创建工作领导小组，召开动员大会，分解任务。",
          "（二）组织实施阶段（4月—10月）：按照实施方案逐项落实，开展系列创建活动，及时收集整理过程资料。",
          "（三）检查验收阶段（11月—12月）：对照测评体系开展自查，查漏补缺，做好年度总结和迎检准备。");

  static final List<String> GUARANTEES =
      List.of(
          "（一）加强组织领导。成立以主要负责人为组长的创建工作领导小组，领导小组办公室设在{officeDept}，负责日常工作。",
          "（二）落实工作责任。将创建任务分解到各{subunits}，明确责任人和完成时限，纳入年度目标考核。",
          "（三）强化经费保障。安排创建工作专项经费{#2-10}万元，用于志愿服务、宣传阵地建设和先进表彰。",
          "（四）加强督促检查。{officeDept}每季度对创建工作进行一次检查，检查结果在一定范围内通报。",
          "（五）注重宣传引导。充分利用宣传栏、微信群和公众号宣传创建工作，及时总结推广好的做法。");

  static final List<String> RULES =
      List.of(
          "为规范创建{ledger}管理，确保创建资料真实、完整、规范，根据县文明委有关要求，结合{self}实际，制定本制度。",
          "创建{ledger}由{officeDept}统一管理，指定专人负责收集、整理和归档。",
          "各{subunits}开展的创建活动，应当在活动结束后一周内将活动方案、签到表、照片和活动小结报送{officeDept}。",
          "会议记录应当写明时间、地点、主持人、参会人员、缺席人员、记录人和议题，由主持人和记录人签字。",
          "活动照片应当附文字说明，注明时间、地点、人物和活动内容，不得使用与活动无关的照片。",
          "{ledger}资料按年度、分类别装订成册，编制目录，电子文档同步上传。",
          "严禁事后补做、弄虚作假，对{ledger}资料不实的，取消当年评先评优资格。",
          "志愿者应当遵守志愿服务规范，服从统一安排，服务时长由{officeDept}统一登记。",
          "志愿服务实行积分管理，积分可以兑换生活用品或者作为评先评优的参考。",
          "本制度由{officeDept}负责解释，自印发之日起施行。");

  static final List<String> INSPECTION_ITEMS =
      List.of(
          "查阅创建工作领导小组文件、实施方案和目标责任书，资料齐全。",
          "查阅季度会议记录{#3-4}份，其中{#0-1}份缺少记录人签字。",
          "查阅志愿服务活动记录{#6-15}份，个别活动照片缺少文字说明。",
          "实地查看办公区域和公共场所，环境卫生整洁，个别楼道有杂物堆放。",
          "检查宣传栏和公益广告设置情况，社会主义核心价值观宣传到位。",
          "抽查{people}对创建工作的知晓情况，知晓率达到{#85-98}%。",
          "检查道德讲堂、文明实践站等阵地运行情况，活动开展正常。",
          "查看{ledger}目录和归档情况，部分资料归档不够及时。");

  static final List<String> RECTIFICATIONS =
      List.of(
          "请于{#10-30}日内完成整改，整改情况书面报送创建办。",
          "对缺少签字的会议记录，由主持人和记录人补签并说明情况。",
          "对照片缺少文字说明的，补充完善说明，注明时间、地点和人物。",
          "楼道杂物限期清理，落实物业和责任科室的保洁责任。",
          "{ledger}资料实行按月归档，{officeDept}每月检查一次。");

  static final List<String> CAPTIONS =
      List.of(
          "志愿者在{place}开展文明交通劝导",
          "{people}志愿者清理卫生死角",
          "为辖区老人免费测量血压",
          "在{room}召开文明创建工作会议",
          "道德讲堂现场，身边好人讲述自己的故事",
          "志愿者向群众发放垃圾分类宣传资料",
          "“我们的节日”端午包粽子活动现场",
          "走访慰问困难群众，送去米面油等慰问品",
          "组织{people}参观红色教育基地",
          "开展消防安全疏散演练",
          "志愿者在敬老院为老人打扫卫生、陪老人聊天",
          "“四点半课堂”志愿者辅导学生作业",
          "设立便民服务点，为群众义务理发、修理小家电");

  static final List<String> NEWS_LEADS =
      List.of(
          "近日，{unit}组织开展{activity}，{people}积极参与，现场气氛热烈。",
          "为{purpose}，{date}，{unit}在{place}开展了{activity}。",
          "{date}上午，{place}热闹非凡，{unit}{activity}在这里举行。");

  static final List<String> SURVEY_ITEMS =
      List.of(
          "您对本单位文明创建工作的总体评价",
          "您对办事窗口服务态度的评价",
          "您对环境卫生状况的评价",
          "您是否参加过志愿服务活动",
          "您是否知道社会主义核心价值观的基本内容",
          "您对邻里关系和社会风气的评价",
          "您对公共文化设施和文体活动的评价",
          "您对创建工作还有哪些意见和建议");

  static final List<String> MISSING =
      List.of(
          "第三季度创建工作会议记录", "学雷锋志愿服务活动照片", "上半年工作小结", "道德讲堂活动签到表", "文明交通劝导活动方案", "目标责任书", "满意度测评表");
  static final List<String> MISSING_REASONS =
      List.of(
          "因防汛抗旱任务紧，原定季度会议推迟召开，相关议题在{month}月的班子会议上一并研究，会议记录另附",
          "活动当天负责拍照的同志临时外出，未能留存照片，已由参加人员写出书面说明并签字确认",
          "负责{ledger}的同志岗位调整，工作交接时部分资料遗失，现已补齐能找到的电子文档",
          "活动由县里统一组织，{self}派员参加，签到表由主办单位留存，已向主办单位申请复印件");

  /** Units of government offices, bureaus, committees (文明单位). */
  static final Flavor BUREAU =
      new Flavor("文明单位", "文明单位", "本局", "科室", "办公室", "办事群众", "政务服务窗口", FlavorTexts.BUREAU);

  static final Flavor INDUSTRY_FLAVOR =
      new Flavor("文明行业", "文明行业", "本所", "班组", "综合办公室", "客户", "营业厅", FlavorTexts.INDUSTRY);
  static final Flavor TOWN =
      new Flavor("文明村镇", "文明镇", "本镇", "村", "党政办", "群众", "便民服务中心", FlavorTexts.TOWN);
  static final Flavor VILLAGE =
      new Flavor("文明村镇", "文明村", "本村", "村民小组", "村委会", "村民", "村便民服务室", FlavorTexts.VILLAGE);
  static final Flavor COMMUNITY =
      new Flavor("文明社区", "文明社区", "本社区", "网格", "社区居委会", "居民", "社区党群服务中心", FlavorTexts.COMMUNITY);
  static final Flavor SCHOOL =
      new Flavor("文明校园", "文明校园", "本校", "年级组", "校办公室", "家长", "学校传达室", FlavorTexts.SCHOOL);

  static final List<Flavor> FLAVORS =
      List.of(BUREAU, INDUSTRY_FLAVOR, TOWN, VILLAGE, COMMUNITY, SCHOOL);
}
