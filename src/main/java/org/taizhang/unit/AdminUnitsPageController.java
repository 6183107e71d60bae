package org.taizhang.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;
import org.taizhang.sheet.Sheets;
import org.taizhang.web.Pages;

/**
 * Units managed by administrators: the tree with each unit's type, state and documents, a form per
 * unit to rename, retype or move it, deactivation and reactivation, a form to add one, and the list
 * as CSV or Excel, both ways. Forms post and come back with a message; no script needed.
 */
@Controller
class AdminUnitsPageController {
  private final UnitAdministration administration;
  private final UnitRepository units;
  private final Catalog catalog;
  private final DocumentCounts search;
  private final AuditLog audit;

  AdminUnitsPageController(
      UnitAdministration administration,
      UnitRepository units,
      Catalog catalog,
      DocumentCounts search,
      AuditLog audit) {
    this.administration = administration;
    this.units = units;
    this.catalog = catalog;
    this.search = search;
    this.audit = audit;
  }

  @GetMapping("/admin/units")
  String page(
      @RequestParam(name = "edit", required = false) String edit, Caller caller, Model model) {
    Pages.requireAdmin(caller);
    List<Unit> all = units.findAll();
    UnitTree tree = new UnitTree(all);
    List<UnitTree.Node> nodes = tree.depthFirst();
    model.addAttribute("nodes", nodes);
    // the unit being edited and everything under it: none of them can become its parent
    model.addAttribute("subtree", edit == null ? Set.of() : tree.subtree(edit));
    model.addAttribute("types", catalog.unitTypes());
    model.addAttribute("counts", search.documentCounts(caller.scope()));
    model.addAttribute(
        "editing",
        edit == null
            ? null
            : all.stream().filter(u -> u.code().equals(edit)).findFirst().orElse(null));
    model.addAttribute("inactive", all.stream().filter(u -> !u.active()).count());
    return "admin/units";
  }

  @PostMapping("/admin/units")
  String create(
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "parent", required = false) String parent,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      Unit u = administration.create(caller.username(), code, name, type, parent);
      Pages.flash(redirect, "success", "已新增单位 " + u.name() + "（" + u.code() + "）");
    } catch (UnitAdministration.UnitException e) {
      Pages.flash(redirect, "error", "未新增：" + e.getMessage());
      redirect.addFlashAttribute("newUnit", new NewUnit(code, name, type, parent));
    }
    return "redirect:/admin/units#new-unit";
  }

  /** What was typed into the add form, kept when it is refused. */
  /** A flash attribute: kept in the session, which the database keeps. */
  record NewUnit(String code, String name, String type, String parent) implements Serializable {}

  @PostMapping("/admin/units/{code}")
  String update(
      @PathVariable("code") String code,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "parent", required = false) String parent,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      Unit u = administration.update(caller.username(), code, name, type, parent);
      Pages.flash(redirect, "success", "已保存单位 " + u.name() + "（" + u.code() + "）");
      return "redirect:/admin/units#unit-" + u.code();
    } catch (UnitAdministration.UnitException e) {
      Pages.flash(redirect, "error", "未保存：" + e.getMessage());
      return "redirect:" + editLink(code);
    }
  }

  @PostMapping("/admin/units/{code}/deactivate")
  String deactivate(
      @PathVariable("code") String code,
      @RequestParam(name = "reason", required = false) String reason,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      administration.deactivate(caller.username(), code, reason);
      Pages.flash(redirect, "success", "已停用单位 " + code + "：不再接受上传、不计入完整性；档案仍可查阅，可随时重新启用");
    } catch (UnitAdministration.UnitException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/admin/units#unit-" + code;
  }

  @PostMapping("/admin/units/{code}/reactivate")
  String reactivate(@PathVariable("code") String code, Caller caller, RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      administration.reactivate(caller.username(), code);
      Pages.flash(redirect, "success", "已重新启用单位 " + code);
    } catch (UnitAdministration.UnitException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/admin/units#unit-" + code;
  }

  @PostMapping("/admin/units/import")
  String importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Caller caller,
      RedirectAttributes redirect)
      throws IOException {
    Pages.requireAdmin(caller);
    if (file == null || file.isEmpty()) {
      Pages.flash(redirect, "error", "请选择要导入的 CSV 或 Excel 文件");
      return "redirect:/admin/units#import";
    }
    try (InputStream in = file.getInputStream()) {
      UnitAdministration.ImportResult r =
          administration.importFile(caller.username(), file.getOriginalFilename(), in);
      Pages.flash(redirect, "success", "已导入单位名单：" + r.describe());
    } catch (ConfigException e) {
      Pages.flash(redirect, "error", "未导入，单位名单不变。" + UnitAdministration.describe(e));
    } catch (Sheets.UnreadableException | UnitAdministration.UnitException e) {
      Pages.flash(redirect, "error", "未导入：" + e.getMessage());
    }
    return "redirect:/admin/units#import";
  }

  @GetMapping("/admin/units/export.csv")
  ResponseEntity<byte[]> exportCsv(Caller caller) {
    Pages.requireAdmin(caller);
    audit.record(caller.username(), AuditAction.EXPORT, "单位名单 units.csv", null);
    return Pages.download(
        administration.exportCsv(),
        MediaType.parseMediaType("text/csv;charset=UTF-8"),
        "units.csv");
  }

  @GetMapping("/admin/units/export.xlsx")
  ResponseEntity<byte[]> exportXlsx(Caller caller) {
    Pages.requireAdmin(caller);
    audit.record(caller.username(), AuditAction.EXPORT, "单位名单（Excel）", null);
    return Pages.download(administration.exportXlsx(), Pages.XLSX, "单位名单.xlsx");
  }

  private static String editLink(String code) {
    return UriComponentsBuilder.fromPath("/admin/units")
            .queryParam("edit", code)
            .encode()
            .build()
            .toUriString()
        + "#edit-unit";
  }
}
