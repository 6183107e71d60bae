package org.taizhang.completeness;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.taizhang.access.Caller;
import org.taizhang.config.ConfigVersions;

/**
 * The evaluation-system editor's calls (administrators only, like everything under /api/admin/):
 * open a system, check a draft and show it as YAML, preview its effect, save it, read an Excel
 * sheet into a draft. A refused draft answers 400 with the place and the problem in Chinese.
 */
@RestController
class EvaluationSystemApiController {
  private final EvaluationSystems systems;

  EvaluationSystemApiController(EvaluationSystems systems) {
    this.systems = systems;
  }

  /**
   * What the editor sends: the system's file (null for a new one), the version it started from, the
   * draft.
   */
  record DraftRequest(
      String file, Integer base, SystemDraft draft, String note, Boolean fromExcel) {
    SystemDraft requireDraft() {
      if (draft == null) {
        throw CompletenessException.invalid("请求中没有测评体系内容（draft）");
      }
      return draft;
    }
  }

  @GetMapping("/api/admin/lists/{file}")
  EvaluationSystems.Editing open(Caller caller, @PathVariable("file") String file) {
    admin(caller);
    return systems.open(file).orElseThrow(CompletenessException::notFound);
  }

  @PostMapping("/api/admin/lists/yaml")
  Map<String, String> yaml(Caller caller, @RequestBody DraftRequest r) {
    admin(caller);
    return Map.of("yaml", systems.yaml(r.file(), r.requireDraft()));
  }

  @PostMapping("/api/admin/lists/preview")
  ListPreview preview(Caller caller, @RequestBody DraftRequest r) {
    admin(caller);
    return systems.preview(r.file(), r.requireDraft());
  }

  @PostMapping("/api/admin/lists/save")
  ResponseEntity<EvaluationSystems.Saved> save(Caller caller, @RequestBody DraftRequest r) {
    admin(caller);
    String source =
        Boolean.TRUE.equals(r.fromExcel()) ? ConfigVersions.FROM_EXCEL : ConfigVersions.FROM_EDITOR;
    EvaluationSystems.Saved saved =
        systems.save(
            caller.username(),
            r.file(),
            r.base() == null ? 0 : r.base(),
            r.requireDraft(),
            r.note(),
            source);
    return ResponseEntity.status(HttpStatus.CREATED).body(saved);
  }

  /** An Excel sheet read into a draft for the editor; nothing is saved. */
  @PostMapping("/api/admin/lists/import")
  SystemDraft importWorkbook(Caller caller, @RequestParam("file") MultipartFile file)
      throws IOException {
    admin(caller);
    if (file.isEmpty()) {
      throw CompletenessException.invalid("请选择要导入的 Excel 文件");
    }
    try (InputStream in = file.getInputStream()) {
      return systems.importWorkbook(in);
    }
  }

  private static void admin(Caller caller) {
    if (!caller.isAdmin()) {
      throw CompletenessException.forbidden("只有创建办管理员可以修改测评体系");
    }
  }
}
