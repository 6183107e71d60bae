package org.taizhang.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigText;
import org.taizhang.sheet.Sheets;

/**
 * Administrators manage the unit tree in the browser: add a unit, rename it, move it under another
 * parent, change its type, deactivate and reactivate it, import and export the list as CSV or
 * Excel. Every change is audited and announced ({@link UnitsChanged}), so that the dashboard
 * follows at once; scope is read from the tree on every request, so a move changes who sees a unit
 * at once. Callers check that the person is an administrator.
 */
@Service
public class UnitAdministration {
  private final UnitRepository units;
  private final Catalog catalog;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  UnitAdministration(
      UnitRepository units,
      Catalog catalog,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.units = units;
    this.catalog = catalog;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** A change that cannot be made, with the reason in Chinese. */
  public static class UnitException extends RuntimeException {
    public UnitException(String message) {
      super(message);
    }
  }

  /** What an import did. */
  public record ImportResult(int added, int updated, int deactivated, int reactivated) {
    public String describe() {
      return "新增 "
          + added
          + " 个，更新 "
          + updated
          + " 个"
          + (deactivated > 0 ? "，停用 " + deactivated + " 个" : "")
          + (reactivated > 0 ? "，重新启用 " + reactivated + " 个" : "");
    }
  }

  @Transactional
  public Unit create(String by, String code, String name, String type, String parent) {
    String c = strip(code);
    if (!c.matches(UnitsFile.CODE_PATTERN)) {
      throw new UnitException("单位代码“" + c + "”只能包含字母、数字、下划线和连字符（最多 64 个字符），如 hxz-xqc");
    }
    if (units.find(c).isPresent()) {
      throw new UnitException("单位代码已存在：" + c);
    }
    Unit u = new Unit(c, name(name), type(type), parent(parent, c));
    units.saveAll(List.of(u));
    audit.record(
        by,
        AuditAction.UNIT_CREATED,
        label(u),
        "类型 " + u.type() + "，上级 " + parentLabel(u.parentCode()));
    events.publishEvent(new UnitsChanged());
    return u;
  }

  /** Renames, retypes or moves a unit (a new parent); its documents and history stay with it. */
  @Transactional
  public Unit update(String by, String code, String name, String type, String parent) {
    Unit old = existing(code);
    Unit u = new Unit(old.code(), name(name), type(type), parent(parent, old.code()), old.active());
    List<String> changes = new ArrayList<>();
    if (!old.name().equals(u.name())) {
      changes.add("名称 " + old.name() + " → " + u.name());
    }
    if (!old.type().equals(u.type())) {
      changes.add("类型 " + old.type() + " → " + u.type());
    }
    if (!Objects.equals(old.parentCode(), u.parentCode())) {
      changes.add("上级 " + parentLabel(old.parentCode()) + " → " + parentLabel(u.parentCode()));
    }
    if (changes.isEmpty()) {
      return old;
    }
    units.saveAll(List.of(u));
    audit.record(by, AuditAction.UNIT_CHANGED, label(u), String.join("；", changes));
    events.publishEvent(new UnitsChanged());
    return u;
  }

  /** Takes a unit out of use: no uploads, not judged; its archive stays readable. */
  @Transactional
  public void deactivate(String by, String code, String reason) {
    Unit u = existing(code);
    if (!u.active()) {
      throw new UnitException("单位“" + u.name() + "”已停用");
    }
    units.setActive(u.code(), false, by, clock.instant());
    audit.record(
        by,
        AuditAction.UNIT_DEACTIVATED,
        label(u),
        reason == null || reason.isBlank() ? null : "理由：" + reason.strip());
    events.publishEvent(new UnitsChanged());
  }

  @Transactional
  public void reactivate(String by, String code) {
    Unit u = existing(code);
    if (u.active()) {
      throw new UnitException("单位“" + u.name() + "”未停用");
    }
    units.setActive(u.code(), true, by, clock.instant());
    audit.record(by, AuditAction.UNIT_REACTIVATED, label(u), null);
    events.publishEvent(new UnitsChanged());
  }

  /**
   * Adds or updates the units of a CSV ({@code units.csv} columns) or Excel file; an {@code active}
   * column deactivates or reactivates. All or nothing: a mistake anywhere names its line and
   * nothing is changed.
   */
  @Transactional
  public ImportResult importFile(String by, String fileName, InputStream in) throws IOException {
    String name = fileName == null ? "units.csv" : Path.of(fileName).getFileName().toString();
    Path file = Path.of(name);
    Map<String, Unit> existing = new LinkedHashMap<>();
    units.findAll().forEach(u -> existing.put(u.code(), u));
    List<UnitsFile.Entry> entries;
    Set<String> types = catalog.unitTypes();
    if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
        || name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
      entries = UnitsFile.check(file, rows(in), types, existing);
    } else {
      entries = UnitsFile.parse(file, ConfigText.decode(file, in.readAllBytes()), types, existing);
    }
    int added = 0;
    int updated = 0;
    int deactivated = 0;
    int reactivated = 0;
    List<Unit> save = new ArrayList<>();
    for (UnitsFile.Entry e : entries) {
      Unit old = existing.get(e.unit().code());
      if (old == null) {
        added++;
        save.add(e.unit());
      } else if (!old.name().equals(e.unit().name())
          || !old.type().equals(e.unit().type())
          || !Objects.equals(old.parentCode(), e.unit().parentCode())) {
        updated++;
        save.add(e.unit());
      }
    }
    units.saveAll(save);
    for (UnitsFile.Entry e : entries) {
      Unit old = existing.get(e.unit().code());
      boolean wasActive = old == null || old.active();
      if (e.active() != null && e.active() != wasActive) {
        units.setActive(e.unit().code(), e.active(), by, clock.instant());
        if (e.active()) {
          reactivated++;
        } else {
          deactivated++;
        }
      }
    }
    ImportResult result = new ImportResult(added, updated, deactivated, reactivated);
    audit.record(by, AuditAction.UNITS_IMPORTED, "单位名单 " + name, result.describe());
    events.publishEvent(new UnitsChanged());
    return result;
  }

  /**
   * Adds or updates the units of a folder import's {@code units.csv} (whether a unit is active is
   * left as it is); parents may be units already known. Returns how many units were written.
   */
  @Transactional
  public int loadFolderFile(Path csv) {
    Map<String, Unit> existing = new LinkedHashMap<>();
    units.findAll().forEach(u -> existing.put(u.code(), u));
    List<Unit> read =
        UnitsFile.parse(csv, ConfigText.read(csv), catalog.unitTypes(), existing).stream()
            .map(UnitsFile.Entry::unit)
            .toList();
    int written = units.saveAll(read);
    events.publishEvent(new UnitsChanged());
    return written;
  }

  private static List<UnitsFile.Row> rows(InputStream in) throws IOException {
    List<UnitsFile.Row> out = new ArrayList<>();
    try (Workbook wb = Sheets.open(in)) {
      Sheet sheet = wb.getSheetAt(0);
      for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          cells.add(Sheets.cellText(row, c));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
          cells.remove(cells.size() - 1);
        }
        if (!cells.isEmpty()) {
          out.add(new UnitsFile.Row(r + 1, cells));
        }
      }
    }
    return out;
  }

  /**
   * Every unit as {@code units.csv} (UTF-8 with a byte order mark, so that Excel reads the
   * Chinese).
   */
  public byte[] exportCsv() {
    return ("\uFEFF" + UnitsFile.write(units.findAll())).getBytes(StandardCharsets.UTF_8);
  }

  /** Every unit as a spreadsheet, in tree order, with the parent's name beside its code. */
  public byte[] exportXlsx() {
    List<Unit> all = units.findAll();
    Map<String, String> names = new LinkedHashMap<>();
    all.forEach(u -> names.put(u.code(), u.name()));
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheets.Styles st = new Sheets.Styles(wb);
      XSSFSheet sheet = wb.createSheet("单位名单");
      List<String> headers = List.of("单位代码", "单位名称", "单位类型", "上级单位代码", "状态", "上级单位名称");
      Row head = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        Sheets.text(head, i, headers.get(i), st.header);
      }
      int r = 1;
      for (UnitTree.Node n : new UnitTree(all).depthFirst()) {
        Unit u = n.unit();
        Row row = sheet.createRow(r++);
        Sheets.text(row, 0, u.code(), st.text);
        Sheets.text(row, 1, u.name(), st.text);
        Sheets.text(row, 2, u.type(), st.text);
        Sheets.text(row, 3, u.parentCode() == null ? "" : u.parentCode(), st.text);
        Sheets.text(row, 4, u.active() ? "启用" : "停用", st.text);
        Sheets.text(
            row, 5, u.parentCode() == null ? "" : names.getOrDefault(u.parentCode(), ""), st.text);
      }
      int[] widths = {14, 36, 10, 14, 8, 36};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      return Sheets.bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- checks

  private Unit existing(String code) {
    return units.find(strip(code)).orElseThrow(() -> new UnitException("没有这个单位：" + code));
  }

  private static String name(String name) {
    String n = strip(name);
    if (n.isEmpty()) {
      throw new UnitException("单位名称不能为空");
    }
    if (n.length() > UnitsFile.NAME_MAX) {
      throw new UnitException("单位名称过长（不超过 " + UnitsFile.NAME_MAX + " 字）");
    }
    return n;
  }

  private String type(String type) {
    String t = strip(type);
    if (!catalog.unitTypes().contains(t)) {
      throw new UnitException("请选择单位类型（可选：" + String.join("、", catalog.unitTypes()) + "）");
    }
    return t;
  }

  /** The new parent of {@code code}: an existing unit that is not the unit itself nor below it. */
  private String parent(String parent, String code) {
    String p = strip(parent);
    if (p.isEmpty()) {
      return null;
    }
    List<Unit> all = units.findAll();
    if (all.stream().noneMatch(u -> u.code().equals(p))) {
      throw new UnitException("上级单位不存在：" + p);
    }
    if (new UnitTree(all).subtree(code).contains(p)) {
      throw new UnitException("不能把单位移到它自己或它的下级单位之下");
    }
    return p;
  }

  private String parentLabel(String code) {
    return code == null ? "（无）" : units.find(code).map(UnitAdministration::label).orElse(code);
  }

  private static String label(Unit u) {
    return u.name() + "（" + u.code() + "）";
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  /** Problems of an imported file name their line; the page shows them as they are. */
  public static String describe(ConfigException e) {
    return e.file().getFileName()
        + (e.line() > 0 ? " 第 " + e.line() + " 行" : "")
        + "："
        + e.describe();
  }
}
