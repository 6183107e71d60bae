package org.taizhang.tools.sample;

import java.util.HashMap;
import java.util.Map;

/**
 * The template variables every text of a unit-year may use: {county} {unit} {short} {self} {ledger}
 * {year} {nextYear} {prevYear} {leader} {leaderTitle} {deputy} {deputyTitle} {office} {officeTitle}
 * {people} {coreWork} {creation} {levelGoal} {subunits} {room} {servicePlace} {clients} {superior}
 * {superiorHead} {decisionBody} {officeDept} {issuer} {addressee} {yearTheme} {plenum} {guide}.
 */
final class LedgerVariables {

  static final String COUNTY = "青禾县";

  private LedgerVariables() {}

  static Map<String, String> of(UnitProfile unit, UnitProfile superior, int year) {
    FlavorTexts texts = FlavorTexts.of(unit.flavor());
    UnitProfile.Wording w = unit.wording();
    UnitProfile.Staff s = unit.staff();
    Map<String, String> v = new HashMap<>();
    v.put("county", COUNTY);
    v.put("unit", unit.name());
    v.put("short", unit.shortName());
    v.put("self", w.self());
    v.put("ledger", unit.ledgerWord());
    v.put("year", Integer.toString(year));
    v.put("nextYear", Integer.toString(year + 1));
    v.put("prevYear", Integer.toString(year - 1));
    v.put("leader", s.leader().name());
    v.put("leaderTitle", s.leader().title());
    v.put("deputy", s.deputy().name());
    v.put("deputyTitle", s.deputy().title());
    v.put("office", s.office().name());
    v.put("officeTitle", s.office().title());
    v.put("people", texts.people());
    v.put("coreWork", texts.coreWork());
    v.put("creation", creationTitle(unit));
    v.put("levelGoal", texts.levelGoal());
    v.put("subunits", w.subunits());
    v.put("room", unit.site().meetingRoom());
    v.put("servicePlace", w.servicePlace());
    v.put("clients", w.clients());
    v.put("superior", superior == null ? "青禾县精神文明建设委员会" : superior.name());
    v.put("superiorHead", superior == null ? "" : superior.staff().leader().name());
    v.put("guide", superior == null || superior.isRoot() ? "县文明委" : "县文明委和" + superior.shortName());
    v.put("decisionBody", w.decisionBody());
    v.put("officeDept", w.officeDept());
    v.put("issuer", w.issuer());
    v.put("addressee", w.addressee());
    v.put("yearTheme", yearTheme(year));
    v.put("plenum", plenum(year));
    return v;
  }

  /** The title a unit is working towards: 文明单位, 文明村, 文明镇, … */
  static String creationTitle(UnitProfile unit) {
    return switch (unit.type()) {
      case "文明村镇" -> unit.shortName().endsWith("镇") ? "文明镇" : "文明村";
      case "创建办" -> "文明城市";
      default -> unit.type();
    };
  }

  private static String yearTheme(int year) {
    return switch (year) {
      case 2024 -> "今年是新中国成立75周年";
      case 2025 -> "今年是“十四五”规划收官之年";
      default -> "今年是全面推进各项创建任务的关键一年";
    };
  }

  /** Plans cite the latest plenary session held before they were written (early in the year). */
  private static String plenum(int year) {
    return switch (year) {
      case 2024 -> "党的二十大和二十届二中全会精神";
      case 2025 -> "党的二十大和二十届三中全会精神";
      default -> "党的二十大精神";
    };
  }
}
