package org.taizhang.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.taizhang.text.ChineseDates;

/**
 * The audit page's filters as read from its address. Reading is lenient: a value that cannot be
 * understood is dropped with a warning the page shows, so a mistyped or outdated link still shows
 * the trail instead of an error page.
 */
final class AuditFilters {
  private final String actor;
  private final AuditAction action;
  private final String target;
  private final LocalDate from;
  private final LocalDate to;
  private final List<String> warnings;

  private AuditFilters(
      String actor,
      AuditAction action,
      String target,
      LocalDate from,
      LocalDate to,
      List<String> warnings) {
    this.actor = actor;
    this.action = action;
    this.target = target;
    this.from = from;
    this.to = to;
    this.warnings = List.copyOf(warnings);
  }

  static AuditFilters parse(String actor, String action, String target, String from, String to) {
    List<String> warnings = new ArrayList<>();
    AuditAction parsedAction = null;
    if (present(action)) {
      parsedAction = action(action.strip()).orElse(null);
      if (parsedAction == null) {
        warnings.add("操作“" + action.strip() + "”无效，已忽略该条件");
      }
    }
    LocalDate parsedFrom = date(from, "起始日期", warnings);
    LocalDate parsedTo = date(to, "截止日期", warnings);
    if (parsedFrom != null && parsedTo != null && parsedFrom.isAfter(parsedTo)) {
      warnings.add("起始日期晚于截止日期，已将两者对调");
      LocalDate swap = parsedFrom;
      parsedFrom = parsedTo;
      parsedTo = swap;
    }
    return new AuditFilters(
        present(actor) ? actor.strip() : null,
        parsedAction,
        present(target) ? target.strip() : null,
        parsedFrom,
        parsedTo,
        warnings);
  }

  /**
   * By constant name (as the page's select sends it) or by its Chinese label (as a person might
   * type it).
   */
  private static Optional<AuditAction> action(String value) {
    for (AuditAction a : AuditAction.values()) {
      if (a.name().equals(value.toUpperCase(Locale.ROOT)) || a.label().equals(value)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private static LocalDate date(String value, String name, List<String> warnings) {
    if (!present(value)) {
      return null;
    }
    Optional<LocalDate> d = ChineseDates.parse(value);
    if (d.isEmpty()) {
      warnings.add(name + "“" + value.strip() + "”无效（应形如 2025-03-12），已忽略该条件");
    }
    return d.orElse(null);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  AuditQuery query(int page, int size) {
    return new AuditQuery(actor, action, from, to, target, page, size);
  }

  public String getActor() {
    return actor;
  }

  /** The selected action's constant name, for the select; null when no action filters. */
  public String getAction() {
    return action == null ? null : action.name();
  }

  public String getTarget() {
    return target;
  }

  /** ISO dates, which is what {@code <input type="date">} expects as its value. */
  public String getFrom() {
    return from == null ? null : from.toString();
  }

  public String getTo() {
    return to == null ? null : to.toString();
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public boolean isFiltered() {
    return actor != null || action != null || target != null || from != null || to != null;
  }

  /** The page for these filters; dropped values stay dropped, so links show what the page shows. */
  String pageLink(int page) {
    return link("/admin/audit", page);
  }

  String csvLink() {
    return link("/admin/audit.csv", 1);
  }

  /**
   * A file name saying what the export holds: {@code 20250301至20250331-审计日志.csv} for a date range,
   * otherwise the day of the export, {@code 20250312-审计日志.csv}.
   */
  String csvFileName(LocalDate today) {
    String span =
        from == null && to == null
            ? compact(today)
            : (from == null ? "最早" : compact(from)) + "至" + compact(to == null ? today : to);
    return span + "-审计日志.csv";
  }

  private static String compact(LocalDate d) {
    return d.toString().replace("-", "");
  }

  private String link(String path, int page) {
    // Fixed order, so the same filters always have the same address.
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "actor", actor);
    put(params, "action", getAction());
    put(params, "target", target);
    put(params, "from", getFrom());
    put(params, "to", getTo());
    if (page > 1) {
      params.put("page", Integer.toString(page));
    }
    StringBuilder sb = new StringBuilder(path);
    // Each value encoded whole: a target may contain & + # or = and must come back unchanged.
    params.forEach(
        (k, v) ->
            sb.append(sb.length() == path.length() ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return sb.toString();
  }

  private static void put(Map<String, String> params, String key, String value) {
    if (value != null) {
      params.put(key, value);
    }
  }
}
