package org.taizhang.tools;

import java.util.Set;
import org.taizhang.cli.Tools;
import org.taizhang.tools.benchmark.BinderBenchmark;
import org.taizhang.tools.benchmark.CompletenessBenchmark;
import org.taizhang.tools.benchmark.IngestBenchmark;
import org.taizhang.tools.benchmark.SearchBenchmark;
import org.taizhang.tools.filing.FilingEvaluation;
import org.taizhang.tools.filing.FilingSetGenerator;
import org.taizhang.tools.ocr.OcrBenchmark;
import org.taizhang.tools.relevance.RelevanceEvaluation;
import org.taizhang.tools.sample.SampleArchiveGenerator;

/** The tools of this jar, as the command line sees them ({@code META-INF/services}). */
public final class ShippedTools implements Tools {
  @Override
  public Set<String> names() {
    return Set.of(
        "generate-sample",
        "benchmark-completeness",
        "benchmark-search",
        "benchmark-ingest",
        "evaluate-relevance",
        "generate-filing-set",
        "evaluate-filing",
        "ocr-benchmark",
        "benchmark-binder");
  }

  @Override
  public String usage() {
    return """
          generate-sample <目录> [--extra-units N] [--seed S]
                                              生成示例档案（或更大的基准测试语料）
          benchmark-completeness [--units=2000 --docs=100]
                                              完整性核查基准测试：全量重算与单次上传后的增量更新耗时
          benchmark-search [--docs=100000]    检索基准测试：生成语料、建索引，测并发 1 和 8 下的查询延迟
          benchmark-ingest [--files=5000 --clients=4]
                                              导入基准测试：同一批文件上比较极限速度、目录导入和 HTTP 上传
          evaluate-relevance                  用评测集（docs/relevance/）计算示例档案上的 recall@10、precision@10、nDCG@10
          generate-filing-set <目录> [--seed=12]
                                              生成归类与日期评测集（材料与 labels.tsv）
          evaluate-filing [--set=docs/filing-set] [--errors]
                                              用评测集计算归类正确率、各类别召回率、混淆矩阵和日期正确率
          ocr-benchmark [--set=目录] [--engines=tesseract,rapidocr] [--verbose]
                                              文字识别基准测试：各引擎在测试图集上的字符错误率和每张耗时（docs/ocr.md）
          benchmark-binder [--items=300]      迎检台账基准测试：300 件的单位年度台账和全县合集的耗时、堆内存和常驻内存（docs/binder.md）
        """;
  }

  @Override
  public int run(String name, String[] args) throws Exception {
    switch (name) {
      case "generate-sample" -> SampleArchiveGenerator.main(args);
      case "benchmark-completeness" -> CompletenessBenchmark.main(args);
      case "benchmark-search" -> SearchBenchmark.main(args);
      case "benchmark-ingest" -> IngestBenchmark.main(args);
      case "evaluate-relevance" -> RelevanceEvaluation.main(args);
      case "generate-filing-set" -> FilingSetGenerator.main(args);
      case "evaluate-filing" -> FilingEvaluation.main(args);
      case "ocr-benchmark" -> OcrBenchmark.main(args);
      case "benchmark-binder" -> BinderBenchmark.main(args);
      default -> throw new IllegalArgumentException(name);
    }
    return 0;
  }
}
