package org.taizhang.remind;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.Pages;

/**
 * 配置 → 提醒: when digests go out and how near a deadline counts as due, whether mail can be sent, and
 * the group robots of the office and of units. Every change is audited; robot secrets and keys
 * never appear on the page or in the log.
 */
@Controller
class AdminRemindersController {
  private final ReminderStore store;
  private final Outbox outbox;
  private final MailChannel mail;
  private final Reminders reminders;
  private final UnitRepository units;
  private final AuditLog audit;
  private final Clock clock;

  AdminRemindersController(
      ReminderStore store,
      Outbox outbox,
      MailChannel mail,
      Reminders reminders,
      UnitRepository units,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.mail = mail;
    this.reminders = reminders;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/admin/reminders")
  String page(Model model) {
    Schedule s = store.schedule();
    model.addAttribute("schedule", s);
    model.addAttribute("frequencies", Schedule.Frequency.values());
    Map<String, String> weekdays = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      weekdays.put(d.name(), Schedule.weekday(d));
    }
    model.addAttribute("weekdays", weekdays);
    model.addAttribute("mailServer", mail.server().orElse(null));
    model.addAttribute("mailFrom", mail.from());
    model.addAttribute("robots", store.robots());
    model.addAttribute("robotKinds", Robot.Kind.values());
    model.addAttribute("units", units.findActive());
    model.addAttribute("pending", outbox.count(Delivery.State.PENDING));
    model.addAttribute("failed", outbox.count(Delivery.State.FAILED));
    model.addAttribute("zone", clock.getZone().getId());
    model.addAttribute("maxDueDays", Schedule.MAX_DUE_DAYS);
    return "admin/reminders";
  }

  @PostMapping("/admin/reminders/schedule")
  String schedule(
      @RequestParam(name = "frequency", defaultValue = "OFF") String frequency,
      @RequestParam(name = "day", defaultValue = "MONDAY") String day,
      @RequestParam(name = "time", defaultValue = "08:00") String time,
      @RequestParam(name = "dueDays", defaultValue = "3") String dueDays,
      Caller caller,
      RedirectAttributes redirect) {
    Schedule.Frequency f;
    DayOfWeek d;
    LocalTime at;
    int due;
    try {
      f = Schedule.Frequency.valueOf(frequency.strip().toUpperCase(Locale.ROOT));
      d = DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fail(redirect, "发送频率或星期无效");
    }
    try {
      at = LocalTime.parse(time.strip()).withSecond(0).withNano(0);
    } catch (DateTimeParseException e) {
      return fail(redirect, "发送时间“" + time + "”无效，应为 时:分，如 08:30");
    }
    try {
      due = Integer.parseInt(dueDays.strip());
    } catch (NumberFormatException e) {
      due = -1;
    }
    if (due < 0 || due > Schedule.MAX_DUE_DAYS) {
      return fail(redirect, "“即将到期”的天数应在 0 到 " + Schedule.MAX_DUE_DAYS + " 之间");
    }
    Schedule s = new Schedule(f, d, at, due, clock.instant(), null);
    store.saveSchedule(s, caller.username(), clock.instant());
    String said = "摘要：" + s.describe() + "（" + clock.getZone().getId() + "）；即将到期：" + due + " 天内";
    audit.record(caller.username(), AuditAction.REMINDER_SETTINGS, "提醒计划", said);
    Pages.flash(redirect, "success", "已保存。" + said);
    return "redirect:/admin/reminders";
  }

  @PostMapping("/admin/reminders/robots")
  String addRobot(
      @RequestParam(name = "kind", defaultValue = "") String kind,
      @RequestParam(name = "name", defaultValue = "") String name,
      @RequestParam(name = "url", defaultValue = "") String url,
      @RequestParam(name = "secret", defaultValue = "") String secret,
      @RequestParam(name = "unit", defaultValue = "") String unit,
      Caller caller,
      RedirectAttributes redirect) {
    Robot.Kind k;
    try {
      k = Robot.Kind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      return fail(redirect, "请选择机器人类型（企业微信或钉钉）");
    }
    String n = name.strip();
    if (n.isEmpty() || n.length() > 100) {
      return fail(redirect, "请填写机器人名称（不超过 100 个字符），如“城东街道创建群”");
    }
    String u = url.strip();
    if (!webhook(u)) {
      return fail(redirect, "Webhook 地址无效：应以 https:// 或 http:// 开头，如 " + example(k));
    }
    String unitCode = unit.isBlank() ? null : unit.strip();
    if (unitCode != null && units.find(unitCode).filter(Unit::active).isEmpty()) {
      return fail(redirect, "没有启用中的单位“" + unitCode + "”");
    }
    String s = secret.isBlank() ? null : secret.strip();
    if (s != null && k != Robot.Kind.DINGTALK) {
      return fail(redirect, "加签密钥只用于钉钉机器人；企业微信机器人的密钥已包含在地址的 key 中");
    }
    long id = store.addRobot(k, n, u, s, unitCode, caller.username(), clock.instant());
    Robot r = store.robot(id).orElseThrow();
    audit.record(
        caller.username(),
        AuditAction.REMINDER_SETTINGS,
        r.label(),
        "新增机器人，推送"
            + (unitCode == null ? "创建办摘要" : "单位 " + unitCode + " 的摘要")
            + "，地址 "
            + r.maskedUrl()
            + (s == null ? "" : "，已设加签"));
    Pages.flash(redirect, "success", "已添加" + r.label());
    return "redirect:/admin/reminders#robots";
  }

  @PostMapping("/admin/reminders/robots/{id}/enabled")
  String enable(
      @PathVariable("id") long id,
      @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
      Caller caller,
      RedirectAttributes redirect) {
    Robot r = store.robot(id).orElse(null);
    if (r == null || !store.setRobotEnabled(id, enabled)) {
      return fail(redirect, "没有找到该机器人，可能已被删除");
    }
    audit.record(
        caller.username(), AuditAction.REMINDER_SETTINGS, r.label(), enabled ? "启用" : "停用");
    Pages.flash(redirect, "success", (enabled ? "已启用" : "已停用") + r.label());
    return "redirect:/admin/reminders#robots";
  }

  @PostMapping("/admin/reminders/robots/{id}/delete")
  String delete(@PathVariable("id") long id, Caller caller, RedirectAttributes redirect) {
    Robot r = store.robot(id).orElse(null);
    if (r == null || !store.deleteRobot(id)) {
      return fail(redirect, "没有找到该机器人，可能已被删除");
    }
    audit.record(caller.username(), AuditAction.REMINDER_SETTINGS, r.label(), "删除机器人");
    Pages.flash(redirect, "success", "已删除" + r.label());
    return "redirect:/admin/reminders#robots";
  }

  /** A given-up sending is tried again at the next sweep. */
  @PostMapping("/admin/reminders/outbox/{id}/retry")
  String retry(@PathVariable("id") long id, Caller caller, RedirectAttributes redirect) {
    if (!outbox.retry(id, clock.instant())) {
      Pages.flash(redirect, "error", "该发送不在“已放弃”状态，无需重试");
      return "redirect:/admin/jobs#deliveries";
    }
    audit.record(caller.username(), AuditAction.REMINDER_SETTINGS, "提醒发送 " + id, "重新尝试发送");
    reminders.sweep();
    Pages.flash(redirect, "success", "已重新尝试发送，结果见下表与审计日志");
    return "redirect:/admin/jobs#deliveries";
  }

  private static boolean webhook(String url) {
    if (url.isEmpty() || url.length() > 1000) {
      return false;
    }
    try {
      URI u = URI.create(url);
      return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String example(Robot.Kind k) {
    return k == Robot.Kind.WECOM
        ? "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
        : "https://oapi.dingtalk.com/robot/send?access_token=…";
  }

  private static String fail(RedirectAttributes redirect, String message) {
    Pages.flash(redirect, "error", message);
    return "redirect:/admin/reminders";
  }
}
