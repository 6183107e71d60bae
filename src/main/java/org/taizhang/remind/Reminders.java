package org.taizhang.remind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.account.Account;
import org.taizhang.account.AccountService;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * Sends what is due at the clock's instant: when a slot of the office's schedule has come, queues
 * its digests — one per person by mail and in the notification centre, one per robot — and then
 * sends every queued sending whose time has come, retrying failures with back-off. Everything it
 * knows lives in the database, so a new instance (a restart) continues where the last one stopped
 * and never queues a slot twice.
 */
@Service
class Reminders {
  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  /** The audit log's actor for sendings: no person sends them. */
  static final String ACTOR = "提醒服务";

  private static final int BATCH = 200;

  private final ReminderStore store;
  private final Outbox outbox;
  private final Notifications notifications;
  private final Digests digests;
  private final AccountService accounts;
  private final MailChannel mail;
  private final RobotChannel robots;
  private final AuditLog audit;
  private final ReminderSettings settings;
  private final Clock clock;

  Reminders(
      ReminderStore store,
      Outbox outbox,
      Notifications notifications,
      Digests digests,
      AccountService accounts,
      MailChannel mail,
      RobotChannel robots,
      AuditLog audit,
      ReminderSettings settings,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.notifications = notifications;
    this.digests = digests;
    this.accounts = accounts;
    this.mail = mail;
    this.robots = robots;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** What one sweep did. */
  record Sweep(Instant slot, int queued, int sent, int failed) {}

  /** Queues the digests of a slot that has come, then sends what is due; at the clock's instant. */
  synchronized Sweep sweep() {
    Instant now = clock.instant();
    Instant slot = null;
    int queued = 0;
    Schedule schedule = store.schedule();
    Optional<Instant> due = schedule.latestSlot(now, clock.getZone());
    if (due.isPresent()
        && (schedule.lastSlot() == null || due.get().isAfter(schedule.lastSlot()))) {
      slot = due.get();
      queued = queue(schedule, slot, now);
      // Only now: a sweep that died half-way queues the slot again, and the outbox's key keeps
      // what was already queued from being queued twice.
      store.slotQueued(slot);
    }
    int sent = 0;
    int failed = 0;
    for (Delivery d : outbox.due(now, BATCH)) {
      if (deliver(d, now)) {
        sent++;
      } else {
        failed++;
      }
    }
    return new Sweep(slot, queued, sent, failed);
  }

  /** Queues the digests of {@code slot}; how many sendings were new. */
  private int queue(Schedule schedule, Instant slot, Instant now) {
    ZoneId zone = clock.getZone();
    LocalDate today = slot.atZone(zone).toLocalDate();
    Instant since = schedule.previous(slot, zone);
    String period = slot.toString();
    int queued = 0;
    Map<String, Digest> unitDigests = new HashMap<>();
    List<Account> people = accounts.all().stream().filter(Account::enabled).toList();
    Map<String, Set<ReminderKind>> mutes = new HashMap<>();
    for (Account a : people) {
      mutes.put(a.username(), store.mutes(a.username()));
    }
    boolean mailOn = mail.enabled();
    for (Account a : people) {
      Digest digest;
      try {
        if (a.role() == Role.CLERK) {
          if (a.unitCode() == null) {
            continue;
          }
          digest =
              unitDigests.computeIfAbsent(
                  a.unitCode(), u -> digests.unit(u, today, schedule.dueDays()));
        } else {
          Caller reader = accounts.caller(a);
          digest = digests.office(reader, since, slot, today, schedule.dueDays());
        }
      } catch (RuntimeException e) {
        // One person's digest must not hold back everyone else's.
        log.error("提醒：{} 的摘要未能生成", a.username(), e);
        continue;
      }
      if (digest.empty()) {
        continue;
      }
      Set<ReminderKind> muted = mutes.get(a.username());
      if (!muted.contains(ReminderKind.DIGEST)) {
        notifications.add(
            a.username(),
            ReminderKind.DIGEST,
            period,
            digest.subject(),
            digest.text(),
            a.role() == Role.CLERK ? "/todo" : "/completeness");
      }
      Optional<String> email = mailOn ? accounts.email(a.username()) : Optional.empty();
      if (email.isPresent() && !muted.contains(ReminderKind.DIGEST_MAIL)) {
        if (outbox.enqueue(
            Delivery.Channel.MAIL,
            a.username(),
            ReminderKind.DIGEST_MAIL,
            period,
            email.get(),
            digest.subject(),
            digest.text() + footer(),
            now)) {
          queued++;
        }
      }
    }
    for (Robot robot : store.robots()) {
      if (!robot.enabled()) {
        continue;
      }
      List<Account> audience =
          people.stream()
              .filter(
                  a ->
                      robot.unitCode() == null
                          ? a.role() != Role.CLERK
                          : a.role() == Role.CLERK && robot.unitCode().equals(a.unitCode()))
              .toList();
      // A group robot speaks to everyone in the group; it stays silent only when every person it
      // speaks for has turned it off.
      if (!audience.isEmpty()
          && audience.stream()
              .allMatch(a -> mutes.get(a.username()).contains(ReminderKind.DIGEST_ROBOT))) {
        continue;
      }
      Digest digest =
          robot.unitCode() == null
              ? digests.office(Caller.system(ACTOR), since, slot, today, schedule.dueDays())
              : unitDigests.computeIfAbsent(
                  robot.unitCode(), u -> digests.unit(u, today, schedule.dueDays()));
      if (digest.empty()) {
        continue;
      }
      if (outbox.enqueue(
          Delivery.Channel.ROBOT,
          "robot:" + robot.id(),
          ReminderKind.DIGEST_ROBOT,
          period,
          String.valueOf(robot.id()),
          digest.subject(),
          digest.markdown() + markdownFooter(),
          now)) {
        queued++;
      }
    }
    log.info("提醒：{} 的摘要已排队 {} 条", slot, queued);
    return queued;
  }

  /** Sends one queued sending; records the outcome in the outbox and the audit log. */
  private boolean deliver(Delivery d, Instant now) {
    int attempts = d.attempts() + 1;
    String error = null;
    try {
      switch (d.channel()) {
        case MAIL -> mail.send(d.address(), d.subject(), d.body());
        case ROBOT -> {
          Optional<Robot> robot = store.robot(Long.parseLong(d.address()));
          if (robot.isEmpty()) {
            outbox.failed(d.id(), attempts, "机器人已被删除", null);
            audit.record(ACTOR, AuditAction.REMINDER_FAILED, d.target(), "机器人已被删除，不再重试");
            return false;
          }
          robots.send(robot.get(), d.subject(), d.body());
        }
      }
    } catch (RobotChannel.RobotException e) {
      error = e.getMessage();
    } catch (Exception e) {
      // Mail: the server's refusal or an unreachable server, which the next try may find again.
      error = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    if (error == null) {
      outbox.sent(d.id(), attempts, now);
      audit.record(
          ACTOR,
          AuditAction.REMINDER_SENT,
          d.target(),
          d.subject() + "（第 " + attempts + " 次尝试，时段 " + d.periodKey() + "）");
      return true;
    }
    Duration wait = Outbox.backoff(attempts);
    Instant next = wait == null ? null : now.plus(wait);
    outbox.failed(d.id(), attempts, error, next);
    audit.record(
        ACTOR,
        AuditAction.REMINDER_FAILED,
        d.target(),
        "第 "
            + attempts
            + " 次尝试失败："
            + Outbox.clip(error, 500)
            + (next == null ? "；已达重试上限，不再重试" : "；" + wait.toMinutes() + " 分钟后重试"));
    log.warn("提醒发送失败（{}，第 {} 次）：{}", d.target(), attempts, error);
    return false;
  }

  private String footer() {
    String link = settings.link();
    return link == null || link.isBlank() ? "" : "\n登录台账查看：" + link.strip() + "\n";
  }

  private String markdownFooter() {
    String link = settings.link();
    return link == null || link.isBlank() ? "" : "\n[登录台账查看](" + link.strip() + ")\n";
  }

  /** The outbox's unsent rows for the jobs page. */
  List<Delivery> unsent() {
    return new ArrayList<>(outbox.unsent(100));
  }
}
