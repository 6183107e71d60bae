package org.taizhang.tools.benchmark;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.taizhang.TaizhangApplication;
import org.taizhang.binder.BinderLayout;
import org.taizhang.binder.BinderPlanner;
import org.taizhang.binder.Binders;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.config.CommandArguments;
import org.taizhang.extract.ParserPool;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.job.Job;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import picocli.CommandLine.Option;

/**
 * Measures building 迎检台账 binders: one unit-year of about 300 items (the sample's 教育局 2025 plus
 * generated PDFs of one to four pages, phone-sized photos and Word documents), then every unit of
 * the sample county as one ZIP. Prints the time, the most heap in use and the process's resident
 * memory (sampled every 20 ms) for each. Photos are prepared in the parser process, whose memory is
 * its own; the first build prepares them, the second finds them prepared.
 *
 * <pre>
 * java -jar target/taizhang.jar benchmark-binder [--items=300] [--sample=sample-archive] [--config=index-config]
 * </pre>
 */
public final class BinderBenchmark {
  private static final String UNIT = "qhx-jyj";
  private static final int YEAR = 2025;

  private BinderBenchmark() {}

  /** The command line. */
  static final class Arguments {
    @Option(names = "--items")
    int items = 300;

    @Option(names = "--sample")
    Path sample = Path.of("sample-archive");

    @Option(names = "--config")
    Path config = Path.of("index-config");

    @Option(names = "--work")
    Path work;
  }

  public static void main(String[] args) throws Exception {
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a,
        args,
        System.err,
        "用法：benchmark-binder [--items=N] [--sample=DIR] [--config=DIR] [--work=DIR]")) {
      System.exit(CommandArguments.USAGE_ERROR);
    }
    Path work = a.work != null ? a.work : Files.createTempDirectory("binder-benchmark");
    Path data = work.resolve("data");
    Path extra = work.resolve("extra");
    try (ConfigurableApplicationContext ctx = start(a.config, data)) {
      FolderImporter importer = ctx.getBean(FolderImporter.class);
      importer.importFolder(a.sample, "基准测试");
      UnitRepository units = ctx.getBean(UnitRepository.class);
      Unit unit = units.find(UNIT).orElseThrow();
      BinderPlanner planner = ctx.getBean(BinderPlanner.class);
      int have = planner.plan(unit, YEAR).itemCount();
      generate(extra.resolve(UNIT).resolve(String.valueOf(YEAR)), Math.max(0, a.items - have));
      importer.importFolder(extra, "基准测试");
      awaitCompleteness(ctx.getBean(CompletenessService.class));
      int items = planner.plan(unit, YEAR).itemCount();
      Binders binders = ctx.getBean(Binders.class);
      System.out.printf(
          Locale.ROOT,
          "binder benchmark: %d cores, heap max %d MB%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      for (String round : List.of("first (photos prepared)", "again (photos cached)")) {
        Path out = work.resolve("binder.pdf");
        BinderLayout[] layout = new BinderLayout[1];
        Figures f =
            measure(() -> layout[0] = binders.build(unit, YEAR, out, Job.untracked("基准测试")));
        System.out.printf(
            Locale.ROOT,
            "unit-year binder, %s: %d items, %d pages, %.1f MB in %.1f s; heap used max %d MB, RSS max %d MB (%d MB before)%n",
            round,
            items,
            layout[0].pages(),
            Files.size(out) / 1048576.0,
            f.seconds(),
            f.heapMb(),
            f.rssMb(),
            f.rssBeforeMb());
      }
      List<Unit> all = units.findActive();
      Path zip = work.resolve("county.zip");
      String[] outcome = new String[1];
      Figures f =
          measure(() -> outcome[0] = binders.buildCounty(all, YEAR, zip, Job.untracked("基准测试")));
      System.out.printf(
          Locale.ROOT,
          "county ZIP (%d units, the 300-item unit included): %s, %.1f MB in %.1f s; heap used max %d MB, RSS max %d MB (%d MB before)%n",
          all.size(),
          outcome[0],
          Files.size(zip) / 1048576.0,
          f.seconds(),
          f.heapMb(),
          f.rssMb(),
          f.rssBeforeMb());
    } finally {
      if (a.work == null) {
        FileSystemUtils.deleteRecursively(work);
      }
    }
  }

  record Figures(double seconds, long heapMb, long rssMb, long rssBeforeMb) {}

  /** Runs the work while a thread samples the heap in use and the resident set every 20 ms. */
  private static Figures measure(Callable<?> work) throws Exception {
    System.gc();
    long before = rss();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong heap = new AtomicLong();
    AtomicLong rss = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                heap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                rss.accumulateAndGet(rss(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    try {
      work.call();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    return new Figures(
        (System.nanoTime() - t0) / 1e9, heap.get() >> 20, rss.get() >> 20, before >> 20);
  }

  /** This process's resident set in bytes (Linux), 0 elsewhere. */
  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return 0;
  }

  /**
   * About the mix of a real year: 40 % PDFs of one to four pages, 40 % photos of a phone's size
   * (4000×3000), 20 % Word documents, each different in content.
   */
  private static void generate(Path year, int count) throws IOException {
    Random random = new Random(300);
    for (int i = 1; i <= count; i++) {
      int kind = i % 5;
      String day = String.format(Locale.ROOT, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
      if (kind < 2) {
        Path dir = Files.createDirectories(year.resolve("活动记录"));
        pdf(dir.resolve(day + " 志愿服务活动记录（第" + i + "次）.pdf"), 1 + random.nextInt(4), i);
      } else if (kind < 4) {
        Path dir = Files.createDirectories(year.resolve("活动照片"));
        photo(dir.resolve(day + " 志愿服务活动照片" + i + ".jpg"), random);
      } else {
        Path dir = Files.createDirectories(year.resolve("工作简报"));
        word(dir.resolve("文明创建工作简报（第" + i + "期）.docx"), i);
      }
    }
  }

  private static void pdf(Path file, int pages, int seed) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          cs.newLineAtOffset(72, 720);
          for (int l = 0; l < 40; l++) {
            cs.showText("Record " + seed + " page " + p + " line " + l + " volunteer service");
            cs.newLineAtOffset(0, -15);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
  }

  private static void photo(Path file, Random random) throws IOException {
    BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int r = 0; r < 60; r++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
      g.fillRect(
          random.nextInt(4000),
          random.nextInt(3000),
          200 + random.nextInt(1200),
          200 + random.nextInt(900));
    }
    g.dispose();
    ImageIO.write(image, "jpeg", file.toFile());
  }

  private static void word(Path file, int seed) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText("文明创建工作简报 第" + seed + "期");
      doc.createParagraph().createRun().setText("本期编号 " + seed + "：志愿服务活动开展情况。");
      doc.write(out);
    }
  }

  private static void awaitCompleteness(CompletenessService completeness)
      throws InterruptedException {
    while (completeness.backlog() > 0) {
      Thread.sleep(200);
    }
  }

  private static ConfigurableApplicationContext start(Path config, Path data)
      throws InterruptedException {
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(TaizhangApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--taizhang.data-dir=" + data.toAbsolutePath(),
                "--taizhang.config-dir=" + config.toAbsolutePath(),
                "--taizhang.sample.import-on-first-start=false",
                "--taizhang.ocr.enabled=false",
                "--taizhang.admin.password=benchmark-password",
                "--logging.level.root=WARN",
                "--logging.level.org.taizhang=WARN",
                "--spring.main.log-startup-info=false");
    ctx.getBean(ParserPool.class).awaitStarted(Duration.ofMinutes(2));
    return ctx;
  }
}
