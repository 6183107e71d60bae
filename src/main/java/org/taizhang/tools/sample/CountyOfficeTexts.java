package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * The county creation office's own documents: the yearly award decision and an inspection notice.
 */
final class CountyOfficeTexts {

  private CountyOfficeTexts() {}

  static final String AWARD_TITLE = "关于命名2024年度县级文明单位（村镇、社区、校园）和文明行业示范点的决定";
  static final String INSPECTION_TITLE = "关于2025年上半年文明创建台账督查情况的通报";

  /**
   * @param namesByType for each unit type, the units named this year (sample units first, then a
   *     few others of the county that are not part of the sample)
   */
  static DocumentContent awardDecision(List<List<String>> namesByType, LocalDate date) {
    List<String> labels = List.of("县级文明单位", "县级文明行业示范点", "县级文明村镇", "县级文明社区", "县级文明校园");
    DocumentContent.Builder b =
        DocumentContent.builder(AWARD_TITLE)
            .masthead("青禾县精神文明建设委员会文件")
            .docNumber("青文明委〔2024〕6号")
            .title()
            .blank()
            .field("各乡镇（街道）文明委，县直各单位：")
            .body(
                "2024年，全县各参创单位坚持以社会主义核心价值观为引领，扎实开展文明创建活动，涌现出一批创建工作扎实、群众认可度高的先进典型。经单位申报、材料审核、实地考察和群众满意度测评，并经公示无异议，县文明委研究决定，命名以下单位为2024年度县级文明单位（村镇、社区、校园）和文明行业示范点：");
    for (int i = 0; i < labels.size(); i++) {
      List<String> names = namesByType.get(i);
      b.field(
          ChineseDateWords.numeral(i + 1)
              + "、"
              + labels.get(i)
              + "（"
              + names.size()
              + "个）："
              + String.join("、", names));
    }
    return b.body(
            "希望受到命名的单位珍惜荣誉，再接再厉，充分发挥示范带动作用。县级文明单位（村镇、社区、校园）实行动态管理，每年复查一次，复查不合格或发生一票否决事项的，撤销其称号。各参创单位要对照测评体系，建立健全创建台账，推动文明创建常态化、长效化。")
        .blank()
        .right("青禾县精神文明建设委员会")
        .right(ChineseDateWords.full(date))
        .build();
  }

  static DocumentContent inspectionNotice(int unitCount, LocalDate date) {
    return DocumentContent.builder(INSPECTION_TITLE)
        .masthead("青禾县文明创建工作办公室文件")
        .docNumber("青创办〔2025〕9号")
        .title()
        .blank()
        .field("各参创单位：")
        .body(
            "为推动文明创建工作常态长效，7月14日至18日，县创建办组成3个督查组，采取查阅资料、实地查看和个别访谈相结合的方式，对全县"
                + unitCount
                + "家参创单位上半年创建台账进行了督查。现将有关情况通报如下：")
        .heading("一、总体情况")
        .body(
            "从督查情况看，多数单位领导重视、责任明确，创建台账分类清晰、资料较为齐全，会议记录、活动记录基本做到要素完整。国家税务总局青禾县税务局、青禾县第一中学等单位台账目录规范、过程资料详实，值得各单位学习借鉴。")
        .heading("二、存在的问题")
        .body("（一）会议记录要素不全。个别单位会议记录缺少记录人，缺席人员未注明原因，有的只记议题、不记决议。")
        .body("（二）活动照片缺少文字说明。部分照片未注明时间、地点和活动内容，少数照片的拍摄时间与活动时间对不上。")
        .body("（三）套用模板未作修改。个别单位的活动记录仍保留模板中的占位符号和空白日期，形同未报。")
        .body("（四）总结材料雷同。有的单位小结与其他单位大段相同，只改了单位名称。")
        .body("（五）会议不够经常。个别单位季度会议制度落实不到位，会议记录时断时续。")
        .heading("三、整改要求")
        .body(
            "各单位要对照问题清单，于8月31日前完成整改，整改情况书面报县创建办。台账资料必须真实反映工作过程，对弄虚作假、事后补做台账的，一经查实，年度测评中相应指标按C#档计分。县创建办将在第四季度开展“回头看”。")
        .blank()
        .right("青禾县文明创建工作办公室")
        .right(ChineseDateWords.full(date))
        .build();
  }
}
