package org.taizhang.tools.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.taizhang.tools.sample.UnitProfile.Camera;
import org.taizhang.tools.sample.UnitProfile.Site;
import org.taizhang.tools.sample.UnitProfile.Staff;
import org.taizhang.tools.sample.UnitProfile.Wording;

/**
 * Invents extra units for benchmark corpora: names, people, places and activities drawn from word
 * lists, with the same structure as the sample units.
 */
public final class BenchUnitFactory {

  private static final List<String> TYPES = List.of("文明单位", "文明行业", "文明村镇", "文明社区", "文明校园");

  /** Bureaus of a county government, in the order synthetic units take them. */
  public static final List<String> BUREAUS =
      List.of(
          "自然资源和规划局",
          "住房和城乡建设局",
          "交通运输局",
          "农业农村局",
          "水利局",
          "商务局",
          "文化旅游体育局",
          "民政局",
          "司法局",
          "财政局",
          "人力资源和社会保障局",
          "应急管理局",
          "审计局",
          "统计局",
          "医疗保障局",
          "退役军人事务局",
          "林业局",
          "市场监督管理局",
          "数据资源管理局",
          "城市管理局");

  private static final List<String> TOWNS =
      List.of("青山镇", "石门镇", "白沙镇", "云溪镇", "桃源镇", "龙口镇", "双河镇", "梅岭乡", "古城镇", "新塘镇");
  private static final List<String> STATIONS =
      List.of("农业综合服务中心", "财政所", "司法所", "自然资源所", "卫生院", "文化站");
  private static final List<String> INDUSTRY =
      List.of(
          "青禾农村商业银行%s支行", "青禾县供电公司%s供电所", "青禾县邮政分公司%s邮政支局", "国家税务总局青禾县税务局%s税务分局", "青禾县自来水公司%s营业所");
  private static final List<String> VILLAGES =
      List.of(
          "石桥村", "桃园村", "枫林村", "上湾村", "下湾村", "竹园村", "新庄村", "王家村", "李家坪村", "黄泥塘村", "双桥村", "凤凰村",
          "团结村", "和平村", "梨树村", "荷花村", "茶园村", "东岭村", "西冲村", "南塘村");
  private static final List<String> STREETS = List.of("城关街道", "城东街道", "城西街道", "文昌街道", "滨河街道");
  private static final List<String> COMMUNITIES =
      List.of(
          "东园", "西苑", "北门", "文昌", "锦绣", "春晖", "翠竹", "和谐", "阳光", "新华", "滨河", "望江", "紫薇", "丹桂", "玉兰",
          "桂花", "清风", "明珠", "金桥", "育才");
  private static final List<String> SCHOOLS = List.of("中心小学", "初级中学", "中心幼儿园");
  private static final List<String> SURNAMES =
      List.of(
          "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
          "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
          "袁", "蔡", "蒋", "余");
  private static final List<String> GIVEN =
      List.of(
          "建国", "志强", "海燕", "丽华", "文斌", "晓东", "红梅", "明", "静", "伟", "敏", "磊", "娟", "俊杰", "秀英", "国庆",
          "春燕", "立军", "玉兰", "德明", "雪", "涛", "慧", "鹏", "佳琪", "子涵", "晓峰", "永刚", "桂英", "少华", "燕", "新民",
          "小平", "晨", "宇", "婷", "浩", "丹", "勇", "霞");
  private static final List<Camera> CAMERAS =
      List.of(
          new Camera("HUAWEI", "HUAWEI nova 11"),
          new Camera("Xiaomi", "Redmi Note 12"),
          new Camera("vivo", "vivo S17"),
          new Camera("OPPO", "OPPO Reno10"),
          new Camera("HONOR", "HONOR 90"),
          new Camera("Canon", "Canon EOS M50"),
          new Camera("Apple", "iPhone 13"));
  private static final List<String> ROOMS = List.of("三楼会议室", "二楼会议室", "一楼会议室", "党员活动室");

  private BenchUnitFactory() {}

  static String code(int index) {
    return String.format("bench-%04d", index);
  }

  static String type(int index) {
    return TYPES.get((index - 1) % TYPES.size());
  }

  /** The index-th extra unit (1-based); the same index and seed always give the same unit. */
  static UnitProfile create(int index, long seed, String rootCode) {
    Random rng = new Random(seed * 7_919L + index);
    String type = type(index);
    int k = (index - 1) / TYPES.size();
    Names n = names(type, k);
    Flavor flavor =
        switch (type) {
          case "文明单位" -> Flavor.BUREAU;
          case "文明行业" -> Flavor.INDUSTRY;
          case "文明村镇" -> Flavor.VILLAGE;
          case "文明社区" -> Flavor.COMMUNITY;
          default -> Flavor.SCHOOL;
        };
    List<String> people = distinctNames(rng, 8);
    Staff staff = staff(flavor, n, people, rng);
    Wording wording = wording(flavor, n);
    String room =
        flavor == Flavor.VILLAGE
            ? "村委会会议室"
            : flavor == Flavor.COMMUNITY ? "社区党群服务中心会议室" : ROOMS.get(rng.nextInt(ROOMS.size()));
    Site site =
        new Site(
            room,
            29.95 + (rng.nextDouble() - 0.5) * 0.24,
            117.14 + (rng.nextDouble() - 0.5) * 0.24);
    List<ActivityIdea> pool = FlavorTexts.of(flavor).activityPool();
    List<ActivityIdea> activities = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      activities.add(pool.get((index + i) % pool.size()));
    }
    return new UnitProfile(
        code(index),
        n.full(),
        n.shortName(),
        type,
        rootCode,
        flavor,
        wording,
        staff,
        site,
        rng.nextInt(10) < 7 ? "台账" : "台帐",
        CAMERAS.get(rng.nextInt(CAMERAS.size())),
        activities,
        List.of());
  }

  private record Names(String full, String shortName, String leaderPost) {}

  /** The k-th name of a type; once the word lists run out a counter keeps names unique. */
  private static Names names(String type, int k) {
    List<Names> candidates = new ArrayList<>();
    switch (type) {
      case "文明单位" -> {
        BUREAUS.forEach(b -> candidates.add(new Names("青禾县" + b, "县" + b, "局长")));
        for (String s : STATIONS) {
          for (String t : TOWNS) {
            String post =
                s.endsWith("所") ? "所长" : s.endsWith("院") ? "院长" : s.endsWith("站") ? "站长" : "主任";
            candidates.add(new Names("青禾县" + t + s, t + s, post));
          }
        }
      }
      case "文明行业" -> {
        for (String t : TOWNS) {
          for (String pattern : INDUSTRY) {
            String place = t.substring(0, 2);
            String full = String.format(pattern, place);
            String post = full.endsWith("支行") ? "行长" : full.endsWith("分局") ? "局长" : "所长";
            candidates.add(new Names(full, full.replace("青禾县", "").replace("青禾", ""), post));
          }
        }
      }
      case "文明村镇" -> {
        for (String v : VILLAGES) {
          for (String t : TOWNS) {
            candidates.add(new Names("青禾县" + t + v, v, "村党支部书记、村委会主任"));
          }
        }
      }
      case "文明社区" -> {
        for (String c : COMMUNITIES) {
          for (String s : STREETS) {
            candidates.add(new Names("青禾县" + s + c + "社区", c + "社区", "社区党委书记、居委会主任"));
          }
        }
      }
      default -> {
        for (String school : SCHOOLS) {
          for (String t : TOWNS) {
            String post = school.endsWith("幼儿园") ? "园长" : "校长";
            candidates.add(new Names("青禾县" + t + school, t + school, post));
          }
        }
      }
    }
    Names base = candidates.get(k % candidates.size());
    int round = k / candidates.size();
    if (round == 0) {
      return base;
    }
    String suffix = "（" + (round + 1) + "）";
    return new Names(base.full() + suffix, base.shortName() + suffix, base.leaderPost());
  }

  private static List<String> distinctNames(Random rng, int count) {
    List<String> names = new ArrayList<>();
    while (names.size() < count) {
      String name =
          SURNAMES.get(rng.nextInt(SURNAMES.size())) + GIVEN.get(rng.nextInt(GIVEN.size()));
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static Staff staff(Flavor flavor, Names n, List<String> people, Random rng) {
    String post = n.leaderPost();
    List<String> memberTitles =
        new ArrayList<>(
            switch (flavor) {
              case INDUSTRY -> List.of("营业部经理", "客户经理", "大堂经理", "运营主管", "工会小组长", "团支部书记");
              case VILLAGE -> List.of("村妇联主席", "村监委会主任", "村委会委员", "村民小组长", "网格员", "村民代表");
              case COMMUNITY -> List.of("网格长", "楼栋长", "社区社工", "物业项目经理", "居民代表", "志愿服务队队长");
              case SCHOOL -> List.of("德育主任", "教导主任", "总务主任", "少先队大队辅导员", "安全办主任", "年级组长");
              default -> List.of("综合股负责人", "业务股负责人", "财务负责人", "党支部委员", "工会主席", "团支部书记");
            });
    Collections.shuffle(memberTitles, rng);
    Person leader;
    Person deputy;
    Person office;
    switch (flavor) {
      case VILLAGE -> {
        leader = new Person(people.get(0), post);
        deputy = new Person(people.get(1), "村党支部副书记");
        office = new Person(people.get(2), "村文书");
      }
      case COMMUNITY -> {
        leader = new Person(people.get(0), post);
        deputy = new Person(people.get(1), "社区党委副书记");
        office = new Person(people.get(2), "社区专职干事");
      }
      case SCHOOL -> {
        leader = new Person(people.get(0), "党支部书记、" + post);
        deputy = new Person(people.get(1), "副" + post);
        office = new Person(people.get(2), "办公室主任");
      }
      default -> {
        leader = new Person(people.get(0), "党支部书记、" + post);
        deputy = new Person(people.get(1), "副" + post);
        office = new Person(people.get(2), "综合办公室主任");
      }
    }
    List<Person> members = new ArrayList<>();
    int memberCount = 4 + rng.nextInt(2);
    for (int i = 0; i < memberCount; i++) {
      members.add(new Person(people.get(3 + i), memberTitles.get(i)));
    }
    return new Staff(leader, deputy, office, members);
  }

  private static Wording wording(Flavor flavor, Names n) {
    String core = n.full().replace("国家税务总局青禾县税务局", "").replace("青禾县", "").replace("青禾", "");
    String initial = core.substring(0, 1);
    return switch (flavor) {
      case INDUSTRY ->
          new Wording(
              "我单位",
              n.full(),
              "青" + initial + "发",
              "各部门、各班组",
              "党支部",
              "综合办公室",
              "部门",
              n.full().endsWith("税务分局") ? "办税服务厅" : "营业大厅",
              n.full().endsWith("税务分局") ? "纳税人缴费人" : "客户");
      case VILLAGE ->
          new Wording(
              "我村",
              "中共" + n.shortName() + "支部委员会",
              initial + "支",
              "各村民小组",
              "村两委",
              "村委会",
              "村民小组",
              "村便民服务室",
              "村民");
      case COMMUNITY ->
          new Wording(
              "我社区",
              "中共" + n.shortName() + "委员会",
              n.shortName().substring(0, 2) + "社党",
              "各网格党支部",
              "社区党委",
              "社区居委会",
              "网格",
              "社区党群服务中心",
              "居民");
      case SCHOOL ->
          new Wording(
              n.full().endsWith("幼儿园") ? "我园" : "我校",
              n.full(),
              initial + "校发",
              "各处室、各年级组",
              "学校党支部",
              "学校办公室",
              "年级组",
              "学校门卫室",
              "学生和家长");
      default ->
          new Wording(
              n.full().endsWith("局") ? "我局" : "我单位",
              n.full(),
              "青" + initial + "发",
              "机关各股室",
              "领导班子",
              "办公室",
              "股室",
              "办事窗口",
              "办事群众");
    };
  }
}
