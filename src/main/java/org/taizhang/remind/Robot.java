package org.taizhang.remind;

import java.time.Instant;

/**
 * A group robot the office configured: a webhook of 企业微信 or 钉钉 that posts the digest of a unit
 * ({@code unitCode}) or, without one, the office's digest.
 *
 * @param secret DingTalk's signing secret (加签), or null
 */
record Robot(
    long id,
    Kind kind,
    String name,
    String url,
    String secret,
    String unitCode,
    boolean enabled,
    String createdBy,
    Instant createdAt) {

  /** The webhook format. */
  enum Kind {
    WECOM("企业微信"),
    DINGTALK("钉钉");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The webhook's address without its key or token, for pages and the audit log. */
  public String maskedUrl() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  /** 机器人 3「城东群」, as the audit log and the outbox name it. */
  String label() {
    return kind.label() + "机器人 " + id + "「" + name + "」";
  }
}
