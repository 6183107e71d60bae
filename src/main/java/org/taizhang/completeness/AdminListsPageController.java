package org.taizhang.completeness;

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
import org.springframework.web.util.UriComponentsBuilder;
import org.taizhang.access.Caller;
import org.taizhang.access.DisplayNames;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.StaleVersionException;
import org.taizhang.config.VersionRow;
import org.taizhang.web.Pages;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrators' pages for evaluation systems: the systems in force, the editor (a page built
 * by static/js/list-editor.js from the data it carries, saving through {@code /api/admin/lists/…}),
 * every version of a system with a preview of going back to it, and the files: YAML of any version,
 * the system as Excel and the Excel template.
 */
@Controller
class AdminListsPageController {
  private final EvaluationSystems systems;
  private final CompletenessService completeness;
  private final DisplayNames accounts;
  private final AuditLog audit;
  private final JsonMapper json;

  AdminListsPageController(
      EvaluationSystems systems,
      CompletenessService completeness,
      DisplayNames accounts,
      AuditLog audit,
      JsonMapper json) {
    this.systems = systems;
    this.completeness = completeness;
    this.accounts = accounts;
    this.audit = audit;
    this.json = json;
  }

  @GetMapping("/admin/lists")
  ModelAndView list(Caller caller) {
    Pages.requireAdmin(caller);
    ModelAndView mv = new ModelAndView("admin/lists");
    List<EvaluationSystems.Summary> list = systems.list();
    mv.addObject("systems", list);
    mv.addObject("years", completeness.years());
    mv.addObject("defaultYear", completeness.defaultYear().orElse(null));
    mv.addObject("names", accounts.of(list.stream().map(EvaluationSystems.Summary::by).toList()));
    mv.addObject("removed", systems.removed());
    return mv;
  }

  @GetMapping("/admin/lists/edit")
  ModelAndView edit(
      @RequestParam(name = "file", required = false) String file,
      @RequestParam(name = "copy", required = false) String copy,
      Caller caller)
      throws Exception {
    Pages.requireAdmin(caller);
    EvaluationSystems.Editing editing;
    if (file != null && !file.isBlank()) {
      Optional<EvaluationSystems.Editing> found = systems.open(file);
      if (found.isEmpty()) {
        return Pages.notFound("没有找到测评体系“" + file + "”。");
      }
      editing = found.get();
    } else {
      editing = systems.copy(copy == null ? "" : copy);
    }
    ModelAndView mv = new ModelAndView("admin/list-editor");
    mv.addObject("editing", editing);
    mv.addObject("editingJson", json.writeValueAsString(editing));
    mv.addObject("optionsJson", json.writeValueAsString(systems.options()));
    return mv;
  }

  @GetMapping("/admin/lists/history")
  ModelAndView history(
      @RequestParam(name = "file", required = false) String file,
      @RequestParam(name = "preview", required = false) Integer preview,
      @RequestParam(name = "remove", required = false) String remove,
      Caller caller) {
    Pages.requireAdmin(caller);
    List<ConfigVersions.Version> versions = file == null ? List.of() : systems.history(file);
    if (versions.isEmpty()) {
      return Pages.notFound("没有找到测评体系“" + file + "”的版本。");
    }
    ModelAndView mv = new ModelAndView("admin/list-history");
    mv.addObject("file", file);
    mv.addObject("current", systems.open(file).orElse(null));
    var names = accounts.of(versions.stream().map(ConfigVersions.Version::by).toList());
    List<VersionRow> rows = new ArrayList<>();
    versions.forEach(v -> rows.add(new VersionRow(v, names.getOrDefault(v.by(), v.by()))));
    mv.addObject("versions", rows);
    mv.addObject("newest", versions.get(0).number());
    try {
      if (preview != null) {
        mv.addObject("preview", systems.previewRollback(file, preview));
        mv.addObject("previewVersion", preview);
      } else if (remove != null) {
        mv.addObject("preview", systems.previewRemoval(file));
        mv.addObject("removing", true);
      }
    } catch (ConfigException e) {
      mv.addObject("flash", "不能回滚到第 " + preview + " 版：" + e.describe());
      mv.addObject("flashKind", "error");
    }
    return mv;
  }

  @PostMapping("/admin/lists/rollback")
  String rollback(
      @RequestParam(name = "file", required = false) String file,
      @RequestParam(name = "version", required = false) Integer version,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      if (version == null) {
        throw new ConfigException(Path.of(String.valueOf(file)), 0, "请选择要回滚到的版本");
      }
      EvaluationSystems.Saved saved = systems.rollback(caller.username(), file, version);
      Pages.flash(
          redirect,
          "success",
          "已回滚到第 " + version + " 版，保存为第 " + saved.version() + " 版，完整性结果已按此重新计算");
    } catch (ConfigException e) {
      Pages.flash(redirect, "error", "未回滚：" + e.describe());
    } catch (StaleVersionException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:" + historyLink(file);
  }

  @PostMapping("/admin/lists/remove")
  String remove(
      @RequestParam(name = "file", required = false) String file,
      @RequestParam(name = "base", required = false) Integer base,
      @RequestParam(name = "note", required = false) String note,
      Caller caller,
      RedirectAttributes redirect) {
    Pages.requireAdmin(caller);
    try {
      EvaluationSystems.Saved saved =
          systems.remove(caller.username(), file, base == null ? 0 : base, note);
      Pages.flash(redirect, "success", "已删除测评体系（第 " + saved.version() + " 版为删除记录，可在历史版本中恢复）");
      return "redirect:/admin/lists";
    } catch (ConfigException e) {
      Pages.flash(redirect, "error", "未删除：" + e.describe());
    } catch (StaleVersionException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:" + historyLink(file);
  }

  // ---- files

  @GetMapping("/admin/lists/export.yaml")
  ResponseEntity<byte[]> yaml(
      @RequestParam(name = "file", required = false) String file,
      @RequestParam(name = "version", required = false) Integer version,
      Caller caller) {
    Pages.requireAdmin(caller);
    Optional<String> text =
        file == null ? Optional.empty() : systems.text(file, version == null ? 0 : version);
    if (text.isEmpty()) {
      return notFound("没有找到该测评体系或该版本（删除记录没有内容）");
    }
    String name =
        version == null ? file : file.replaceFirst("\\.ya?ml$", "") + "-第" + version + "版.yaml";
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "测评体系 " + file + (version == null ? "" : " 第 " + version + " 版"),
        "YAML");
    return Pages.download(
        text.get().getBytes(StandardCharsets.UTF_8),
        MediaType.parseMediaType("application/yaml;charset=UTF-8"),
        name);
  }

  @GetMapping("/admin/lists/export.xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(name = "file", required = false) String file, Caller caller) {
    Pages.requireAdmin(caller);
    if (file == null || systems.open(file).isEmpty()) {
      return notFound("没有找到该测评体系");
    }
    audit.record(caller.username(), AuditAction.EXPORT, "测评体系 " + file, "Excel");
    return Pages.download(
        systems.workbook(file), Pages.XLSX, file.replaceFirst("\\.ya?ml$", "") + ".xlsx");
  }

  @GetMapping("/admin/lists/template.xlsx")
  ResponseEntity<byte[]> template(Caller caller) {
    Pages.requireAdmin(caller);
    return Pages.download(systems.template(), Pages.XLSX, "测评体系导入模板.xlsx");
  }

  private static ResponseEntity<byte[]> notFound(String message) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
        .body(message.getBytes(StandardCharsets.UTF_8));
  }

  static String historyLink(String file) {
    return UriComponentsBuilder.fromPath("/admin/lists/history")
        .queryParam("file", file)
        .encode()
        .build()
        .toUriString();
  }
}
