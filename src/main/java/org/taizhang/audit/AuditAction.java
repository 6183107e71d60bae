package org.taizhang.audit;

/**
 * What happened. Stored by {@link #name()}, so constants may be added but never renamed or removed:
 * older rows would no longer map to an action.
 */
public enum AuditAction {
  LOGIN("登录"),
  LOGIN_FAILED("登录失败"),
  LOGOUT("退出"),
  UPLOAD("上传"),
  RESUBMIT("重新提交"),
  VIEW("查看"),
  DOWNLOAD("下载"),
  DELETE("删除"),
  RESTORE("恢复"),
  PURGE("彻底删除"),
  ACCEPT("审核通过"),
  RETURN("退回"),
  COMMENT("评论"),
  GRADE_OVERRIDE("等级调整"),
  GRADE_OVERRIDE_WITHDRAWN("撤销等级调整"),
  HAND_GRADE("人工评定"),
  HAND_GRADE_WITHDRAWN("撤销人工评定"),
  REQUIRED_LIST_CHANGED("修改必备清单"),
  USER_CREATED("新建用户"),
  USER_CHANGED("修改用户"),
  TOKEN_CREATED("创建令牌"),
  TOKEN_REVOKED("吊销令牌"),
  IMPORT("批量导入"),
  REINDEX("重建索引"),
  DESCRIBE("修改著录"),
  EXPORT("导出"),
  EXPLANATION("填写缺项说明"),
  VETO("一票否决"),
  VETO_LIFTED("撤销一票否决"),
  BACKUP("备份"),
  CATEGORIES_CHANGED("修改材料类别"),
  CONFIG_ROLLBACK("回滚配置"),
  UNIT_CREATED("新增单位"),
  UNIT_CHANGED("修改单位"),
  UNIT_DEACTIVATED("停用单位"),
  UNIT_REACTIVATED("启用单位"),
  UNITS_IMPORTED("导入单位"),
  ELEMENTS_CONFIRMED("确认要素"),
  ELEMENTS_WITHDRAWN("撤销要素确认"),
  REMINDER_SENT("发送提醒"),
  REMINDER_FAILED("提醒发送失败"),
  REMINDER_SETTINGS("修改提醒设置"),
  CAPTION_EDITED("修改照片说明"),
  BINDER_BUILT("生成迎检台账");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** The Chinese name shown on the audit page and in the export. */
  public String label() {
    return label;
  }
}
