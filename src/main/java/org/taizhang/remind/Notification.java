package org.taizhang.remind;

import java.time.Instant;

/** Something the notification centre tells one person; unread while {@code readAt} is null. */
record Notification(
    long id,
    ReminderKind kind,
    String title,
    String body,
    String link,
    Instant createdAt,
    Instant readAt) {
  public boolean unread() {
    return readAt == null;
  }

  public String kindLabel() {
    return kind.label();
  }
}
