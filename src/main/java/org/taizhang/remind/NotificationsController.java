package org.taizhang.remind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.web.NotFoundException;
import org.taizhang.web.Pages;

/**
 * 消息中心: a person's notifications, newest first, marked read one by one or all at once, and the
 * kinds of reminder the person turned off. Everyone reads only their own.
 */
@Controller
class NotificationsController {
  private final Notifications notifications;
  private final ReminderStore store;
  private final AuditLog audit;

  NotificationsController(Notifications notifications, ReminderStore store, AuditLog audit) {
    this.notifications = notifications;
    this.store = store;
    this.audit = audit;
  }

  /** The JSON answer: the unread count and the latest notifications. */
  record Inbox(long unread, List<Notification> notifications) {}

  @GetMapping("/notifications")
  String page(Caller caller, Model model) {
    model.addAttribute("items", notifications.latest(caller.username(), Notifications.PAGE));
    model.addAttribute("unread", notifications.unread(caller.username()));
    Set<ReminderKind> muted = store.mutes(caller.username());
    Map<ReminderKind, Boolean> receives = new LinkedHashMap<>();
    for (ReminderKind k : ReminderKind.values()) {
      receives.put(k, !muted.contains(k));
    }
    model.addAttribute("receives", receives);
    return "notifications";
  }

  @GetMapping("/api/notifications")
  @ResponseBody
  Inbox json(Caller caller) {
    return new Inbox(
        notifications.unread(caller.username()),
        notifications.latest(caller.username(), Notifications.PAGE));
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable("id") long id, Caller caller) {
    if (!notifications.markRead(caller.username(), id)) {
      throw new NotFoundException("没有找到这条消息");
    }
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll(Caller caller, RedirectAttributes redirect) {
    int n = notifications.markAllRead(caller.username());
    Pages.flash(redirect, "success", n == 0 ? "没有未读消息" : "已将 " + n + " 条消息标为已读");
    return "redirect:/notifications";
  }

  @PostMapping("/api/notifications/{id}/read")
  ResponseEntity<Void> readApi(@PathVariable("id") long id, Caller caller) {
    if (!notifications.markRead(caller.username(), id)) {
      throw new NotFoundException("没有找到这条消息");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/notifications/read-all")
  @ResponseBody
  Map<String, Integer> readAllApi(Caller caller) {
    return Map.of("marked", notifications.markAllRead(caller.username()));
  }

  /** {@code receive}: the kinds still wanted; every other kind is muted. */
  @PostMapping("/notifications/mutes")
  String mutes(
      @RequestParam(name = "receive", required = false) List<String> receive,
      Caller caller,
      RedirectAttributes redirect) {
    Set<ReminderKind> muted = EnumSet.allOf(ReminderKind.class);
    if (receive != null) {
      for (String k : receive) {
        Arrays.stream(ReminderKind.values()).filter(x -> x.name().equals(k)).forEach(muted::remove);
      }
    }
    store.setMutes(caller.username(), muted);
    String said =
        muted.isEmpty()
            ? "接收全部提醒"
            : "不再接收：" + String.join("、", muted.stream().map(ReminderKind::label).toList());
    audit.record(caller.username(), AuditAction.REMINDER_SETTINGS, "用户 " + caller.username(), said);
    Pages.flash(redirect, "success", "已保存：" + said);
    return "redirect:/notifications#mutes";
  }
}
