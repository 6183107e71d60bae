package org.taizhang.remind;

import java.time.Instant;

/**
 * One sending in the outbox: a digest to a person's mailbox or to a group robot, for one slot.
 *
 * @param recipient the user name (mail) or {@code robot:<id>}
 * @param address the mail address, or the robot's id
 * @param periodKey the slot the digest belongs to (ISO instant): with channel, recipient and kind
 *     what makes the sending unique
 */
record Delivery(
    long id,
    Channel channel,
    String recipient,
    ReminderKind kind,
    String periodKey,
    String address,
    String subject,
    String body,
    State state,
    int attempts,
    String lastError,
    Instant nextTryAt,
    Instant createdAt,
    Instant sentAt) {

  /** How it is sent. */
  enum Channel {
    MAIL("邮件"),
    ROBOT("群机器人");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where it stands. */
  enum State {
    PENDING("待发送"),
    SENT("已发送"),
    FAILED("已放弃");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The slot the digest belongs to. */
  public Instant slot() {
    return Instant.parse(periodKey);
  }

  /** 邮件 → 张三 &lt;zs@x.cn&gt;, 群机器人 → robot:3, for the audit log and the jobs page. */
  public String target() {
    return channel.label()
        + " → "
        + recipient
        + (channel == Channel.MAIL ? " <" + address + ">" : "");
  }
}
