package org.taizhang.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.extract.ParserPool;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.job.Job;
import org.taizhang.job.JobView;
import org.taizhang.job.Jobs;
import org.taizhang.ocr.TextRecognition;
import org.taizhang.rendition.Converter;
import org.taizhang.rendition.Renditions;
import org.taizhang.thumbnail.Thumbnails;
import org.taizhang.web.Pages;

/**
 * The administrators' view of long work: folder imports and re-indexing with their progress (count,
 * rate, time left), the parser processes, and the work queued behind acknowledged uploads
 * (completeness, thumbnails, OCR of scans, PDF renditions). Imports read a folder on the server;
 * both run while the service keeps serving (searches see the index as it was until a rebuild ends).
 */
@Controller
class AdminJobsPageController {
  static final String IMPORT = "导入目录";
  static final String REINDEX = "重建索引";

  /** Everything the page and its JSON show. */
  record Status(
      List<JobView> jobs,
      ParserPool.Stats parsers,
      long completenessBacklog,
      int thumbnailBacklog,
      long ocrBacklog,
      boolean ocrRunning,
      long renditionBacklog,
      long renditionFailures,
      Converter converter,
      boolean officeRunning) {
    boolean anyRunning() {
      return jobs.stream().anyMatch(j -> j.state() == Job.State.RUNNING);
    }
  }

  private final Jobs jobs;
  private final FolderImporter importer;
  private final IndexMaintenance maintenance;
  private final ParserPool parsers;
  private final CompletenessService completeness;
  private final Thumbnails thumbnails;
  private final TextRecognition recognition;
  private final Renditions renditions;
  private final AuditLog audit;

  AdminJobsPageController(
      Jobs jobs,
      FolderImporter importer,
      IndexMaintenance maintenance,
      ParserPool parsers,
      CompletenessService completeness,
      Thumbnails thumbnails,
      TextRecognition recognition,
      Renditions renditions,
      AuditLog audit) {
    this.jobs = jobs;
    this.importer = importer;
    this.maintenance = maintenance;
    this.parsers = parsers;
    this.completeness = completeness;
    this.thumbnails = thumbnails;
    this.recognition = recognition;
    this.renditions = renditions;
    this.audit = audit;
  }

  private Status status() {
    return new Status(
        jobs.all(),
        parsers.stats(),
        completeness.backlog(),
        thumbnails.backlog(),
        recognition.backlog(),
        recognition.running(),
        renditions.backlog(),
        renditions.failures(),
        renditions.converter(),
        renditions.officeRunning());
  }

  @GetMapping("/admin/jobs")
  String page(Model model) {
    Status s = status();
    model.addAttribute("s", s);
    model.addAttribute("refresh", s.anyRunning());
    return "admin/jobs";
  }

  @GetMapping("/api/admin/jobs")
  @ResponseBody
  Status json() {
    return status();
  }

  /**
   * {@code accepted=true}: a historical archive, every new document marked 已通过 as it is imported.
   */
  @PostMapping("/admin/jobs/import")
  String importFolder(
      Caller caller,
      @RequestParam(name = "dir", required = false) String dir,
      @RequestParam(name = "accepted", defaultValue = "false") boolean accepted,
      RedirectAttributes redirect) {
    Path root = dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    if (root == null || !root.isAbsolute() || !Files.isDirectory(root)) {
      Pages.flash(redirect, "error", "请填写服务器上已存在目录的绝对路径");
      return "redirect:/admin/jobs";
    }
    boolean started =
        jobs.submit(
                IMPORT,
                caller.username(),
                job -> {
                  ImportSummary s = importer.importFolder(root, caller.username(), job, accepted);
                  audit.record(
                      caller.username(),
                      AuditAction.IMPORT,
                      "目录 " + root,
                      (accepted ? "作为历史档案导入，新增材料直接通过；" : "") + s.outcome());
                  return s.outcome();
                })
            .isPresent();
    Pages.flash(
        redirect,
        started ? "success" : "error",
        started ? "已开始导入 " + root + (accepted ? "（历史档案：新增材料直接标记为已通过）" : "") : "已有导入在进行，请等它结束");
    return "redirect:/admin/jobs";
  }

  @PostMapping("/admin/jobs/reindex")
  String reindex(Caller caller, RedirectAttributes redirect) {
    boolean started =
        jobs.submit(
                REINDEX,
                caller.username(),
                job -> {
                  IndexMaintenance.Outcome o = maintenance.rebuild(job);
                  String outcome = "重建 " + o.indexed() + " 篇，移除 " + o.removed() + " 篇";
                  audit.record(caller.username(), AuditAction.REINDEX, "全文索引", outcome);
                  return outcome;
                })
            .isPresent();
    Pages.flash(
        redirect,
        started ? "success" : "error",
        started ? "已开始重建索引；检索在此期间照常可用，显示重建开始前的结果" : "重建索引已在进行");
    return "redirect:/admin/jobs";
  }
}
