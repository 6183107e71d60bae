package org.taizhang.tools.sample;

import java.util.List;
import java.util.Set;
import org.taizhang.tools.sample.UnitProfile.Camera;
import org.taizhang.tools.sample.UnitProfile.Site;
import org.taizhang.tools.sample.UnitProfile.Staff;
import org.taizhang.tools.sample.UnitProfile.Wording;

/**
 * The fictional 青禾县 of the committed sample archive: its units, their people and activities, and
 * where the deliberate quirks go. All names are invented.
 */
final class QingheCounty {

  static final String ROOT = "qhx-cjb";

  private QingheCounty() {}

  private static Person p(String name, String title) {
    return new Person(name, title);
  }

  private static ActivityIdea pool(Flavor flavor, int index) {
    return FlavorTexts.of(flavor).activityPool().get(index);
  }

  /** Root first, parents before children. */
  static List<UnitProfile> units() {
    return List.of(
        new UnitProfile(
            ROOT,
            "青禾县文明创建工作办公室",
            "县创建办",
            "创建办",
            "",
            Flavor.COUNTY_OFFICE,
            new Wording(
                "我办", "青禾县文明创建工作办公室", "青创办", "各参创单位", "县文明委", "县创建办综合科", "科室", "县创建办", "参创单位"),
            new Staff(
                p("孙维", "县委宣传部副部长、县文明办主任"),
                p("钟雪梅", "县文明办副主任"),
                p("任一鸣", "县文明办创建科科长"),
                List.of(p("刘佳", "县文明办干部"), p("葛文斌", "县文明办干部"))),
            new Site("县委宣传部三楼会议室", 29.9521, 117.1488),
            "台账",
            new Camera("Canon", "Canon EOS 80D"),
            List.of(),
            List.of()),
        new UnitProfile(
            "qhx-jyj",
            "青禾县教育局",
            "县教育局",
            "文明单位",
            ROOT,
            Flavor.BUREAU,
            new Wording(
                "我局", "青禾县教育局", "青教发", "局机关各股室，局属各单位", "局党组", "局办公室", "股室", "局政务服务窗口", "办事群众"),
            new Staff(
                p("周立新", "党组书记、局长"),
                p("陈慧敏", "党组成员、副局长"),
                p("刘思远", "局办公室主任"),
                List.of(
                    p("王海涛", "人事股股长"),
                    p("李淑芬", "基础教育股股长"),
                    p("赵志刚", "计划财务股股长"),
                    p("孙晓燕", "德育与安全股股长"),
                    p("郑雅琴", "局工会主席"))),
            new Site("局三楼会议室", 29.9544, 117.1402),
            "台账",
            new Camera("Canon", "Canon EOS 200D II"),
            List.of(
                new ActivityIdea(
                    "送教下乡志愿服务活动",
                    4,
                    0,
                    "禾溪镇中心小学",
                    "推动城乡教育均衡发展",
                    "县教研室{#6-10}名骨干教师分别为禾溪镇中心小学的语文、数学、英语教师上了示范课，并与乡村教师开展集体备课和评课交流。局机关志愿者还为学校图书室捐赠图书{#300-600}册。"),
                new ActivityIdea(
                    "师德师风道德讲堂",
                    9,
                    9,
                    "局三楼会议室",
                    "弘扬高尚师德、引导教师争做“四有”好老师",
                    "讲堂按照“唱歌曲、学模范、诵经典、谈感悟、送吉祥”五个环节进行。从教三十多年的乡村教师代表讲述了坚守山区教学点的经历，全体参会人员集体诵读了《中小学教师职业道德规范》。"),
                pool(Flavor.BUREAU, 0),
                pool(Flavor.BUREAU, 1)),
            List.of(
                new FlavorTexts.Task(
                    "推进“双减”落地见效，办人民满意的教育",
                    "“双减”工作",
                    "全县义务教育学校课后服务实现全覆盖，规范校外培训机构{#20-40}家，开展“双减”专项督查{#3-5}次，家长满意度明显提升。"),
                new FlavorTexts.Task(
                    "深化城乡教育结对，促进教育均衡发展",
                    "城乡教育结对",
                    "组织城区学校与乡村学校结成帮扶对子{#8-15}对，选派骨干教师下乡支教{#20-40}人次，乡村学校教学质量稳步提高。"))),
        new UnitProfile(
            "qhx-wjj",
            "青禾县卫生健康局",
            "县卫健局",
            "文明单位",
            ROOT,
            Flavor.BUREAU,
            new Wording(
                "我局", "青禾县卫生健康局", "青卫健发", "局机关各股室，各医疗卫生单位", "局党组", "局办公室", "股室", "局政务服务窗口", "办事群众"),
            new Staff(
                p("黄永平", "党组书记、局长"),
                p("冯丽君", "党组成员、副局长"),
                p("何俊", "局办公室主任"),
                List.of(
                    p("许国栋", "医政医管股股长"),
                    p("邓晓梅", "疾病预防控制股股长"),
                    p("曹文斌", "基层卫生健康股股长"),
                    p("彭琳", "妇幼健康股股长"),
                    p("沈红", "县爱卫办专职副主任"))),
            new Site("局二楼会议室", 29.9497, 117.1526),
            "台账",
            new Camera("HUAWEI", "HUAWEI P60"),
            List.of(
                new ActivityIdea(
                    "健康义诊进社区志愿服务活动",
                    5,
                    0,
                    "南湖社区党群服务中心",
                    "把优质医疗服务送到群众身边",
                    "县人民医院、县中医院的{#10-16}名医护人员为居民免费测量血压、血糖，开展中医推拿体验，并就高血压、糖尿病的日常管理进行健康宣讲，发放健康教育资料{#300-600}份。"),
                pool(Flavor.BUREAU, 2),
                new ActivityIdea(
                    "无偿献血志愿活动",
                    6,
                    14,
                    "县人民医院门前广场",
                    "弘扬无偿献血的人道主义精神",
                    "局机关和各医疗卫生单位干部职工踊跃报名，经体检合格后{#30-50}人成功献血，献血量共计{#9000-15000}毫升。"),
                pool(Flavor.BUREAU, 3)),
            List.of(
                new FlavorTexts.Task(
                    "推进文明窗口建设，医疗服务更加暖心",
                    "医疗服务窗口建设",
                    "指导全县医疗机构推行“一站式”服务和预约诊疗，县人民医院门诊平均候诊时间缩短{#10-20}分钟，群众看病就医更加便捷。"),
                new FlavorTexts.Task(
                    "开展爱国卫生运动，城乡环境持续改善",
                    "爱国卫生运动",
                    "组织开展爱国卫生月活动，全县累计清理卫生死角{#300-600}处，病媒生物防制覆盖城区所有小区，居民健康知识知晓率达到{#80-90}%。"))),
        new UnitProfile(
            "qhx-swj",
            "国家税务总局青禾县税务局",
            "县税务局",
            "文明行业",
            ROOT,
            Flavor.INDUSTRY,
            new Wording(
                "我局",
                "国家税务总局青禾县税务局",
                "青税发",
                "局内各股室、各税务分局",
                "局党委",
                "局办公室",
                "股室和分局",
                "办税服务厅",
                "纳税人缴费人"),
            new Staff(
                p("梁振东", "党委书记、局长"),
                p("罗晓红", "党委委员、副局长"),
                p("韩磊", "局办公室主任"),
                List.of(
                    p("唐明", "纳税服务股股长"),
                    p("宋佳", "征收管理股股长"),
                    p("谢海燕", "第一税务分局局长"),
                    p("马骏", "人事教育股股长"),
                    p("程浩", "办税服务厅主任"))),
            new Site("局四楼党建活动室", 29.9573, 117.1459),
            "台帐",
            new Camera("Canon", "Canon EOS 80D"),
            List.of(
                new ActivityIdea(
                    "春风行动税费政策宣传进企业活动",
                    4,
                    0,
                    "青禾经济开发区",
                    "把税费优惠政策及时送到企业手中",
                    "税务志愿者走进开发区{#12-20}家企业，面对面讲解最新税费优惠政策，现场解答发票开具、申报缴纳等问题{#40-80}个，并收集企业意见建议。"),
                pool(Flavor.INDUSTRY, 0),
                new ActivityIdea(
                    "诚信纳税文明同行道德讲堂",
                    9,
                    0,
                    "局四楼党建活动室",
                    "弘扬诚信文化、提升税务干部职业道德",
                    "讲堂邀请获评纳税信用A级的企业负责人讲述诚信经营的故事，青年税务干部分享了窗口服务中的感人瞬间，全体干部职工重温了税务职业道德规范。"),
                pool(Flavor.INDUSTRY, 1)),
            List.of(
                new FlavorTexts.Task(
                    "持续优化税收营商环境，纳税人获得感增强",
                    "税收营商环境",
                    "推出“非接触式”办税缴费事项{#150-230}项，全程网办率达到{#90-97}%，为小微企业落实各项减税降费政策{#3000-6000}万元。"),
                new FlavorTexts.Task(
                    "打造“青禾税事”服务品牌，窗口形象持续提升",
                    "“青禾税事”服务品牌",
                    "在办税服务厅设立“青禾税事”综合咨询岗，组建青年志愿服务队，全年解答纳税人咨询{#8000-15000}人次，收到表扬信和锦旗{#5-12}面。"))),
        new UnitProfile(
            "hxz",
            "青禾县禾溪镇",
            "禾溪镇",
            "文明村镇",
            ROOT,
            Flavor.TOWN,
            new Wording(
                "我镇", "中共禾溪镇委员会", "禾发", "各村党组织，镇直各单位", "镇党委", "镇党政办", "村和镇直单位", "镇便民服务中心", "办事群众"),
            new Staff(
                p("袁志明", "镇党委书记"),
                p("方丽", "镇党委宣传委员"),
                p("汪诚", "镇党政办主任"),
                List.of(
                    p("杜春生", "镇综治中心主任"),
                    p("石秀英", "镇妇联主席"),
                    p("余国强", "镇农业综合服务中心主任"),
                    p("潘小龙", "镇文化站站长"),
                    p("戴敏", "团镇委书记"))),
            new Site("镇政府三楼会议室", 29.8812, 117.0935),
            "台账",
            new Camera("Xiaomi", "Redmi K60"),
            List.of(
                new ActivityIdea(
                    "移风易俗集中宣传活动",
                    2,
                    0,
                    "禾溪镇文化广场",
                    "破除陈规陋习、倡导文明新风",
                    "活动现场设置了政策咨询台和展板，镇村干部向赶集群众讲解红白事简办标准，发放《移风易俗倡议书》{#800-1500}份，各村红白理事会会长现场签订了承诺书。"),
                pool(Flavor.TOWN, 1),
                pool(Flavor.TOWN, 0),
                new ActivityIdea(
                    "重阳敬老志愿服务活动",
                    10,
                    29,
                    "禾溪镇敬老院",
                    "弘扬孝老爱亲的传统美德",
                    "志愿者为{#30-50}位老人理发、剪指甲、打扫房间，镇文化站组织了戏曲表演，并为80岁以上老人送上了长寿面和重阳糕。")),
            List.of(
                new FlavorTexts.Task(
                    "抓实集镇管理，镇容镇貌焕然一新",
                    "集镇管理",
                    "对禾溪老街进行立面改造，规范店招店牌{#60-120}块，新建集贸市场停车场一处，赶集日交通拥堵问题得到缓解。"),
                new FlavorTexts.Task(
                    "发展特色产业，乡村振兴基础更加坚实",
                    "特色产业发展",
                    "依托杏花、茶叶等特色产业，举办杏花节和农民丰收节，带动农民增收{#200-400}万元，各村集体经营性收入均超过{#10-20}万元。"))),
        new UnitProfile(
            "hxz-xqc",
            "青禾县禾溪镇杏桥村",
            "杏桥村",
            "文明村镇",
            "hxz",
            Flavor.VILLAGE,
            new Wording("我村", "中共杏桥村支部委员会", "杏支", "各村民小组", "村两委", "村委会", "村民小组", "村便民服务室", "村民"),
            new Staff(
                p("杨德福", "村党支部书记、村委会主任"),
                p("夏春梅", "村党支部副书记"),
                p("雷小军", "村委会委员、文书"),
                List.of(
                    p("杨秀兰", "村妇联主席"), p("丁保国", "村监委会主任"), p("夏志勇", "村委会委员"), p("陶凤英", "村民代表"))),
            new Site("村委会二楼会议室", 29.8731, 117.0817),
            "台帐",
            new Camera("vivo", "vivo Y78"),
            List.of(
                new ActivityIdea(
                    "杏花节文明志愿服务活动",
                    3,
                    23,
                    "杏桥村杏花林",
                    "引导游客文明赏花、展示文明乡风",
                    "杏花节期间游客较多，村志愿者分成交通引导、环境保洁、文明劝导三个小组，在停车场和林间步道值守，劝导乱丢垃圾、攀折花枝等不文明行为{#20-50}起。"),
                pool(Flavor.VILLAGE, 0),
                new ActivityIdea(
                    "美丽庭院评比活动",
                    5,
                    0,
                    "杏桥村各村民小组",
                    "以庭院之美带动村庄之美",
                    "评比小组由村两委成员、妇联执委和村民代表组成，逐户查看庭院卫生、绿化和物品摆放情况并现场打分，最终评出“美丽庭院”{#10-18}户，在村务公开栏进行了公示。"),
                pool(Flavor.VILLAGE, 2)),
            List.of(
                new FlavorTexts.Task(
                    "办好杏花节，文明乡风引客来",
                    "杏花节文明服务",
                    "杏花节期间接待游客{#2-4}万人次，村民志愿者全程参与引导和保洁，游客文明赏花，带动农家乐和农产品销售{#30-60}万元。"),
                new FlavorTexts.Task(
                    "美丽庭院扩面提质，村容村貌显著提升",
                    "美丽庭院创建",
                    "在全村推开“美丽庭院”创建，累计评选美丽庭院{#30-60}户，组织开展“拆违治乱”，清理乱搭乱建{#10-25}处，村庄颜值明显提升。"))),
        new UnitProfile(
            "hxz-ltc",
            "青禾县禾溪镇柳塘村",
            "柳塘村",
            "文明村镇",
            "hxz",
            Flavor.VILLAGE,
            new Wording("我村", "中共柳塘村支部委员会", "柳支", "各村民小组", "村两委", "村委会", "村民小组", "村党群服务中心", "村民"),
            new Staff(
                p("高建平", "村党支部书记"),
                p("蔡玉霞", "村委会主任"),
                p("龚明", "村文书"),
                List.of(
                    p("范桂芝", "村妇联主席"),
                    p("邱德明", "村红白理事会会长"),
                    p("付小红", "村网格员"),
                    p("高长林", "第三村民小组组长"))),
            new Site("村党群服务中心会议室", 29.8905, 117.0712),
            "台账",
            new Camera("OPPO", "OPPO A2"),
            List.of(
                new ActivityIdea(
                    "红白喜事简办宣讲活动",
                    4,
                    0,
                    "柳塘村党群服务中心",
                    "推进移风易俗、减轻群众人情负担",
                    "村红白理事会会长邱德明结合本村实际，讲解了婚事彩礼、宴席桌数和丧事办理天数的限额标准，并通报了去年简办婚丧事宜的典型事例。"),
                pool(Flavor.VILLAGE, 2),
                new ActivityIdea(
                    "柳塘河清淤保洁志愿活动",
                    8,
                    0,
                    "柳塘河沿岸",
                    "守护村里的母亲河、改善人居环境",
                    "{#30-50}名党员和村民志愿者清理河道两岸垃圾和漂浮物，疏通排水沟约{#300-800}米，并向沿河农户宣传禁止向河道倾倒垃圾。"),
                pool(Flavor.VILLAGE, 1)),
            List.of(
                new FlavorTexts.Task(
                    "治理柳塘河，守护母亲河",
                    "柳塘河治理",
                    "落实村级河长制，组织党员群众定期巡河保洁，全年清理河道垃圾{#10-30}吨，柳塘河水质明显好转，沿岸新栽柳树{#200-400}株。"),
                new FlavorTexts.Task(
                    "红白理事会发挥作用，人情负担明显减轻",
                    "红白理事会建设",
                    "红白理事会全程参与村民婚丧事宜办理，严格执行宴席不超过{#10-15}桌、彩礼不超过{#3-5}万元等标准，村民普遍反映“面子不丢、负担轻了”。"))),
        new UnitProfile(
            "cg-nhsq",
            "青禾县城关街道南湖社区",
            "南湖社区",
            "文明社区",
            ROOT,
            Flavor.COMMUNITY,
            new Wording(
                "我社区",
                "中共南湖社区委员会",
                "南湖社党",
                "各网格党支部，社区各共建单位",
                "社区党委",
                "社区居委会",
                "网格",
                "社区党群服务中心",
                "居民"),
            new Staff(
                p("林秀琴", "社区党委书记、居委会主任"),
                p("陆伟", "社区党委副书记"),
                p("叶小青", "社区专职干事"),
                List.of(p("卢红梅", "网格长"), p("施国平", "居民代表、楼栋长"), p("姚丽", "社区民警"), p("苏晴", "社区社工"))),
            new Site("社区党群服务中心二楼会议室", 29.9468, 117.1573),
            "台账",
            new Camera("HUAWEI", "HUAWEI Mate 40"),
            List.of(
                new ActivityIdea(
                    "垃圾分类宣传进楼栋活动",
                    7,
                    0,
                    "南湖小区各楼栋",
                    "提高居民垃圾分类的知晓率和参与率",
                    "网格员和志愿者逐楼栋张贴分类指引，在投放点现场指导居民分类投放，并为{#150-300}户居民发放了分类垃圾袋。"),
                pool(Flavor.COMMUNITY, 0),
                new ActivityIdea(
                    "南湖邻里节",
                    5,
                    0,
                    "南湖小区中心广场",
                    "增进邻里感情、营造守望相助的社区氛围",
                    "活动设置了邻里百家宴、跳蚤市场、亲子游戏等环节，居民们自带拿手菜，{#40-80}户家庭参加了百家宴。社区还为结婚满五十年的{#3-6}对老夫妻送上了祝福。"),
                pool(Flavor.COMMUNITY, 1)),
            List.of(
                new FlavorTexts.Task(
                    "老旧小区改造顺利推进，居住环境明显改善",
                    "老旧小区改造",
                    "配合完成南湖小区老旧小区改造，新增停车位{#60-120}个，安装电动车充电桩{#40-80}个，加装电梯{#2-6}部，居民满意度显著提升。"),
                new FlavorTexts.Task(
                    "打造“南湖邻里”品牌，社区凝聚力不断增强",
                    "“南湖邻里”品牌建设",
                    "连续举办南湖邻里节，组建邻里互助小组{#10-20}个，开展邻里互助服务{#300-600}次，邻里纠纷同比下降{#20-40}%。"))),
        new UnitProfile(
            "cg-yxsq",
            "青禾县城关街道银杏社区",
            "银杏社区",
            "文明社区",
            ROOT,
            Flavor.COMMUNITY,
            new Wording(
                "我社区",
                "中共银杏社区委员会",
                "银杏社党",
                "各网格党支部，社区各共建单位",
                "社区党委",
                "社区居委会",
                "网格",
                "社区党群服务中心",
                "居民"),
            new Staff(
                p("董文静", "社区党委书记、居委会主任"),
                p("邵建军", "社区党委副书记"),
                p("江涛", "社区专职干事"),
                List.of(p("薛玲", "网格长"), p("白志华", "物业项目经理"), p("崔红", "居民代表"), p("谭永福", "志愿服务队队长"))),
            new Site("社区党群服务中心会议室", 29.9602, 117.1391),
            "台帐",
            new Camera("Xiaomi", "Xiaomi 13"),
            List.of(
                new ActivityIdea(
                    "邻里守望志愿服务活动",
                    9,
                    14,
                    "银杏社区党群服务中心及银杏苑小区",
                    "弘扬志愿服务精神",
                    "志愿者分三组走访独居老人、清理楼道杂物、在小区广场设立便民服务点。"),
                new ActivityIdea(
                    "文明养犬宣传劝导活动",
                    6,
                    0,
                    "银杏苑小区",
                    "倡导文明养犬、减少邻里矛盾",
                    "志愿者向遛狗居民发放文明养犬倡议书和拾便袋，劝导未牵绳遛犬行为{#10-30}起，并对辖区犬只登记情况进行了摸排。"),
                pool(Flavor.COMMUNITY, 1),
                pool(Flavor.COMMUNITY, 2)),
            List.of(
                new FlavorTexts.Task(
                    "开展“邻里守望”行动，独居老人有人照应",
                    "“邻里守望”行动",
                    "建立独居、空巢老人{ledger}，组织志愿者与{#30-50}户老人结对，每周至少探访一次，全年探访{#1500-2500}人次。"),
                new FlavorTexts.Task(
                    "推进垃圾分类，银杏苑小区旧貌换新颜",
                    "垃圾分类",
                    "在银杏苑小区试点垃圾分类定时定点投放，设置分类投放点{#8-15}个，安排志愿者督导{#200-400}人次，小区垃圾分类准确率达到{#80-90}%。"))),
        new UnitProfile(
            "qhx-yz",
            "青禾县第一中学",
            "县一中",
            "文明校园",
            "qhx-jyj",
            Flavor.SCHOOL,
            new Wording(
                "我校", "青禾县第一中学", "青一中发", "各处室、各年级组", "校党总支", "校办公室", "处室和年级组", "学校传达室", "学生和家长"),
            new Staff(
                p("顾建明", "党总支书记、校长"),
                p("孟晓华", "副校长"),
                p("秦磊", "校办公室主任"),
                List.of(
                    p("廖春燕", "德育处主任"),
                    p("熊伟", "教务处主任"),
                    p("侯敏", "校团委书记"),
                    p("邹海波", "总务处主任"),
                    p("邢丽娟", "高二年级组长"))),
            new Site("行政楼二楼会议室", 29.9633, 117.1517),
            "台帐",
            new Camera("NIKON CORPORATION", "NIKON D7500"),
            List.of(
                new ActivityIdea(
                    "清明祭英烈志愿活动",
                    4,
                    3,
                    "青禾县烈士陵园",
                    "缅怀革命先烈、赓续红色血脉",
                    "高一年级{#80-150}名团员青年在烈士纪念碑前敬献花篮、重温入团誓词，随后分组清扫墓区，并聆听讲解员讲述本县革命先烈的事迹。"),
                pool(Flavor.SCHOOL, 1),
                new ActivityIdea(
                    "经典诵读文化展演",
                    11,
                    0,
                    "学校报告厅",
                    "传承中华优秀传统文化、涵养学生人文素养",
                    "各班级以诗词朗诵、情景剧、配乐诵读等形式展示经典篇目，共有{#18-26}个节目参加展演，评出一等奖{#3-5}个。"),
                pool(Flavor.SCHOOL, 0)),
            List.of(
                new FlavorTexts.Task(
                    "落实立德树人，学生全面发展成效显著",
                    "五育并举",
                    "深化“五育并举”，开设校本课程{#20-30}门，学生在省市各类竞赛中获奖{#40-80}人次，高考本科上线率稳步提高。"),
                new FlavorTexts.Task(
                    "建设书香校园，经典诵读蔚然成风",
                    "书香校园建设",
                    "坚持每天晨读二十分钟，开展经典诵读、读书分享活动，评选“书香班级”{#8-12}个、“阅读之星”{#30-60}名。"))),
        new UnitProfile(
            "hxz-zxxx",
            "青禾县禾溪镇中心小学",
            "禾溪镇中心小学",
            "文明校园",
            "qhx-jyj",
            Flavor.SCHOOL,
            new Wording(
                "我校", "禾溪镇中心小学", "禾小发", "各教研组、各班级", "学校党支部", "学校办公室", "教研组", "学校门卫室", "学生和家长"),
            new Staff(
                p("曾庆丰", "党支部书记、校长"),
                p("严丽", "副校长"),
                p("章红", "学校办公室主任"),
                List.of(p("魏小兵", "少先队大队辅导员"), p("洪梅", "教导主任"), p("毛国庆", "总务主任"), p("葛俊", "安全办主任"))),
            new Site("学校会议室", 29.8838, 117.0968),
            "台账",
            new Camera("HONOR", "HONOR X50"),
            List.of(
                new ActivityIdea(
                    "红领巾敬老志愿服务活动",
                    10,
                    0,
                    "禾溪镇敬老院",
                    "培养少先队员尊老敬老的美德",
                    "五年级{#30-45}名少先队员为老人表演了歌舞节目，帮老人打扫房间、整理床铺，并送上了自己制作的贺卡。"),
                pool(Flavor.SCHOOL, 2),
                new ActivityIdea(
                    "小手拉大手文明交通宣传活动",
                    12,
                    2,
                    "学校门口及禾溪镇集镇路口",
                    "让文明交通从孩子带到家庭",
                    "少先队员在交警和老师的带领下，向过往群众发放交通安全宣传单，劝导骑电动车不戴头盔的行为{#20-40}次。"),
                pool(Flavor.SCHOOL, 0)),
            List.of(
                new FlavorTexts.Task(
                    "推进劳动教育，学生劳动素养提升",
                    "劳动教育",
                    "建成学校劳动实践基地{#3-6}亩，各年级分班认领责任田，学生参与种植、管理和收获全过程，劳动教育做到课时、场地、师资三落实。"),
                new FlavorTexts.Task(
                    "关爱留守儿童，让每个孩子健康成长",
                    "留守儿童关爱",
                    "建立留守儿童成长档案{#80-150}份，落实教师“一对一”结对帮扶，开通亲情电话，组织爱心妈妈与留守儿童结对{#30-60}对。"))));
  }

  static List<Quirk.Placement> quirks() {
    return List.of(
        new Quirk.Placement(Quirk.SCANNED_PDF, "hxz-xqc", 2025),
        new Quirk.Placement(Quirk.GB18030_TEXT, "hxz", 2025),
        new Quirk.Placement(Quirk.TRADITIONAL_CHINESE, "cg-yxsq", 2024),
        new Quirk.Placement(Quirk.UNFILLED_TEMPLATE, "hxz-ltc", 2025),
        new Quirk.Placement(Quirk.COPIED_SUMMARY, "cg-yxsq", 2025, "cg-nhsq"),
        new Quirk.Placement(Quirk.MISSING_QUARTER_MEETING, "qhx-wjj", 2025),
        new Quirk.Placement(Quirk.MISSING_ANNUAL_SUMMARY, "hxz-zxxx", 2025),
        new Quirk.Placement(Quirk.PHOTO_TIME_MISMATCH, "cg-nhsq", 2025),
        new Quirk.Placement(Quirk.MEETING_WITHOUT_RECORDER, "qhx-jyj", 2024));
  }

  /** What each sample unit keeps beyond the standard yearly set. */
  static LedgerExtras extras(String code) {
    return switch (code) {
      case "qhx-jyj" -> new LedgerExtras(true, false, Set.of(2025), Set.of(2025));
      case "qhx-swj" -> new LedgerExtras(true, true, Set.of(), Set.of(2025));
      case "hxz" -> new LedgerExtras(true, false, Set.of(2025), Set.of(2024));
      case "hxz-xqc" -> new LedgerExtras(true, false, Set.of(), Set.of(2025));
      case "cg-nhsq" -> new LedgerExtras(true, false, Set.of(2024), Set.of(2024));
      case "qhx-yz" -> new LedgerExtras(true, false, Set.of(), Set.of(2025));
      default -> LedgerExtras.NONE;
    };
  }

  /** Other units of the county named in the 2024 award decision besides the sample's own. */
  static List<List<String>> otherAwardees() {
    return List.of(
        List.of("青禾县自然资源和规划局", "青禾县市场监督管理局", "青禾县人民医院"),
        List.of("青禾农村商业银行城关支行", "青禾县供电公司城关供电所"),
        List.of("青禾县青山镇石门村"),
        List.of("青禾县城关街道东园社区"),
        List.of("青禾县实验小学"));
  }
}
