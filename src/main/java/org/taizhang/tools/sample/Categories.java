package org.taizhang.tools.sample;

/** Category folder names used by the generator; each is a name in index-config/categories.txt. */
final class Categories {

  static final String LEADING_GROUP = "领导小组文件";
  static final String PLAN = "规划与计划";
  static final String RESPONSIBILITY = "目标责任书";
  static final String MEETING = "会议记录";
  static final String SIGN_IN = "签到表";
  static final String ACTIVITY = "活动记录";
  static final String PHOTO = "活动照片";
  static final String HALF_YEAR = "半年小结";
  static final String ANNUAL = "年终总结";
  static final String RULES = "管理制度";
  static final String BRIEFING = "工作简报";
  static final String INSPECTION = "检查考核记录";
  static final String AWARD = "评比表彰";

  private Categories() {}
}
