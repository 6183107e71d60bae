package org.taizhang.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.access.DisplayNames;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.StaleVersionException;
import org.taizhang.config.VersionRow;
import org.taizhang.web.Pages;

/**
 * The category list and its keywords, edited by administrators: a table
 * (static/js/category-editor.js adds, removes and reorders rows; without it the rows can still be
 * edited), saved as a new version in force at once, with every version listed for download and
 * rollback.
 */
@Controller
class AdminCategoriesPageController {
  private final CategoryEditor editor;
  private final DisplayNames accounts;
  private final AuditLog audit;

  AdminCategoriesPageController(CategoryEditor editor, DisplayNames accounts, AuditLog audit) {
    this.editor = editor;
    this.accounts = accounts;
    this.audit = audit;
  }

  @GetMapping("/admin/categories")
  ModelAndView page(Caller caller) {
    Pages.requireAdmin(caller);
    CategoryEditor.Current current = editor.current();
    List<CategoryEditor.Row> rows =
        current.categories().stream()
            .map(c -> new CategoryEditor.Row(c.code(), c.name(), String.join("、", c.keywords())))
            .toList();
    return page(rows, current.version(), null, null);
  }

  private ModelAndView page(List<CategoryEditor.Row> rows, int base, String error, String note) {
    ModelAndView mv = new ModelAndView("admin/categories");
    List<ConfigVersions.Version> history = editor.history();
    var names = accounts.of(history.stream().map(ConfigVersions.Version::by).toList());
    List<VersionRow> versions = new ArrayList<>();
    history.forEach(v -> versions.add(new VersionRow(v, names.getOrDefault(v.by(), v.by()))));
    mv.addObject("rows", rows);
    mv.addObject("base", base);
    mv.addObject("versions", versions);
    mv.addObject("newest", history.isEmpty() ? 0 : history.get(0).number());
    mv.addObject("note", note);
    if (error != null) {
      mv.addObject("flash", error);
      mv.addObject("flashKind", "error");
      mv.setStatus(HttpStatus.BAD_REQUEST);
    }
    return mv;
  }

  @PostMapping("/admin/categories")
  ModelAndView save(
      HttpServletRequest request,
      @RequestParam(name = "base", required = false) Integer base,
      @RequestParam(name = "note", required = false) String note,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    // read as the form sent them: a binder would split a lone row's “会议记录, 会议纪要” at the comma
    List<String> codes = values(request, "code");
    List<String> names = values(request, "name");
    List<String> keywords = values(request, "keywords");
    List<CategoryEditor.Row> rows = new ArrayList<>();
    int n = Math.max(size(codes), Math.max(size(names), size(keywords)));
    for (int i = 0; i < n; i++) {
      rows.add(new CategoryEditor.Row(at(codes, i), at(names, i), at(keywords, i)));
    }
    try {
      ConfigVersions.Version saved =
          editor.save(caller.username(), rows, base == null ? 0 : base, note);
      if (base != null && saved.number() == base) {
        Pages.flash(redirect, "notice", "内容未变，未保存新版本");
      } else {
        Pages.flash(redirect, "success", "已保存为第 " + saved.number() + " 版，立即生效：" + saved.summary());
      }
      return new ModelAndView("redirect:/admin/categories");
    } catch (ConfigException e) {
      return page(rows, base == null ? 0 : base, "未保存，当前类别不变。" + e.describe(), note);
    } catch (StaleVersionException e) {
      return page(rows, base == null ? 0 : base, e.getMessage(), note);
    }
  }

  @PostMapping("/admin/categories/rollback")
  String rollback(
      @RequestParam(name = "version", required = false) Integer version,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      if (version == null) {
        throw new ConfigException(Path.of("categories.txt"), 0, "请选择要回滚到的版本");
      }
      ConfigVersions.Version saved = editor.rollback(caller.username(), version);
      Pages.flash(
          redirect,
          "success",
          "已回滚到第 " + version + " 版，保存为第 " + saved.number() + " 版：" + saved.summary());
    } catch (ConfigException e) {
      Pages.flash(redirect, "error", "未回滚：" + e.describe());
    } catch (StaleVersionException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/admin/categories";
  }

  @GetMapping("/admin/categories/export.txt")
  ResponseEntity<byte[]> export(
      @RequestParam(name = "version", required = false) Integer version, Caller caller) {
    Pages.requireAdmin(caller);
    Optional<String> text = editor.text(version == null ? 0 : version);
    if (text.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
          .body("没有这个版本".getBytes(StandardCharsets.UTF_8));
    }
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "材料类别 categories.txt" + (version == null ? "" : " 第 " + version + " 版"),
        null);
    return Pages.download(
        text.get().getBytes(StandardCharsets.UTF_8),
        MediaType.parseMediaType("text/plain;charset=UTF-8"),
        version == null ? "categories.txt" : "categories-第" + version + "版.txt");
  }

  private static List<String> values(HttpServletRequest request, String name) {
    String[] v = request.getParameterValues(name);
    return v == null ? List.of() : List.of(v);
  }

  private static int size(List<String> l) {
    return l == null ? 0 : l.size();
  }

  private static String at(List<String> l, int i) {
    return l == null || i >= l.size() ? "" : l.get(i);
  }
}
