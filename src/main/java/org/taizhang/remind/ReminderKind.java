package org.taizhang.remind;

/**
 * What a person can be told, and so what each person can mute. Stored by {@link #name()} (mutes,
 * notifications, the outbox): constants may be added but never renamed.
 */
enum ReminderKind {
  /** The digest in the notification centre. */
  DIGEST("站内摘要", "按创建办设定的时间，在消息中心收到提醒摘要"),
  /** The digest by e-mail. */
  DIGEST_MAIL("摘要邮件", "提醒摘要同时发送到我的邮箱"),
  /** The digest a group robot posts for the person's unit or office. */
  DIGEST_ROBOT("群机器人摘要", "本单位（或创建办）的群机器人推送摘要；所有相关人员都关闭后机器人不再推送"),
  /** A document of the person's unit was returned for rework. */
  RETURNED("材料被退回", "本单位的材料被退回整改时立即通知我");

  private final String label;
  private final String hint;

  ReminderKind(String label, String hint) {
    this.label = label;
    this.hint = hint;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }
}
