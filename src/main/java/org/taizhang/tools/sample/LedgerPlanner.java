package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.taizhang.tools.sample.PlannedFile.TextDocument;
import org.taizhang.tools.sample.PlannedFile.TextFormat;
import org.taizhang.tools.sample.YearPlan.Meeting;
import org.taizhang.tools.sample.YearPlan.ScheduledActivity;

/**
 * Plans the files of one unit-year: the standard ledger (领导小组文件, 实施方案, 目标责任书, four quarterly
 * meeting records, a sign-in sheet, an activity record and photos, 半年小结, 年终总结), the unit's extras,
 * and any quirk placed on it.
 */
final class LedgerPlanner {

  private final long seed;
  private final Map<String, UnitProfile> units;
  private final List<Quirk.Placement> quirks;

  /** Annual summaries already planned, so that a unit can copy another's. */
  private final Map<String, CopySource> annualSummaries = new HashMap<>();

  private final List<Quirk.Note> notes = new ArrayList<>();

  private record CopySource(YearPlan plan, DocumentContent content, String path) {}

  /** The planned files plus, for the sample's quirk placements, what ended up where. */
  LedgerPlanner(long seed, Map<String, UnitProfile> units, List<Quirk.Placement> quirks) {
    this.seed = seed;
    this.units = units;
    this.quirks = quirks;
  }

  List<Quirk.Note> notes() {
    return List.copyOf(notes);
  }

  private boolean has(Quirk quirk, UnitProfile unit, int year) {
    return placement(quirk, unit, year).isPresent();
  }

  private Optional<Quirk.Placement> placement(Quirk quirk, UnitProfile unit, int year) {
    return quirks.stream()
        .filter(q -> q.quirk() == quirk && q.unitCode().equals(unit.code()) && q.year() == year)
        .findFirst();
  }

  private Random random(UnitProfile unit, int year) {
    // String.hashCode is specified, so this is stable across JVMs.
    return new Random(seed * 1_000_003L + unit.code().hashCode() * 31L + year);
  }

  List<PlannedFile> plan(UnitProfile unit, int ordinal, int year, LedgerExtras extras) {
    Random rng = random(unit, year);
    UnitProfile superior = units.get(unit.parentCode());
    TemplateFiller f = new TemplateFiller(LedgerVariables.of(unit, superior, year), rng);
    YearPlan plan = YearPlanner.plan(unit, year, rng, f);
    Files files = new Files(unit, year, plan.unit().staff().office().name());

    files.add(
        Categories.LEADING_GROUP,
        FormalDocumentTexts.leadingGroupTitle(plan) + ".pdf",
        at(plan.leadDocDate(), rng),
        text(FormalDocumentTexts.leadingGroupNotice(plan, f), TextFormat.PDF));

    boolean formalFlavor = unit.flavor() == Flavor.INDUSTRY || unit.flavor() == Flavor.SCHOOL;
    files.add(
        Categories.PLAN,
        f.fill("{year}年{creation}创建工作实施方案") + (formalFlavor ? ".pdf" : ".docx"),
        at(plan.planDate(), rng),
        text(
            FormalDocumentTexts.implementationPlan(plan, f),
            formalFlavor ? TextFormat.PDF : TextFormat.DOCX));

    DocumentContent responsibility = FormalDocumentTexts.responsibility(plan, f);
    if (has(Quirk.SCANNED_PDF, unit, year)) {
      PlannedFile scanned =
          files.add(
              Categories.RESPONSIBILITY,
              year + "年度文明创建目标责任书（签字盖章扫描件）.pdf",
              at(plan.responsibilityDate().plusDays(3), rng),
              text(responsibility, TextFormat.SCANNED_PDF));
      note(
          Quirk.SCANNED_PDF,
          unit,
          year,
          scanned.relativePath(),
          "目标责任书打印后由双方负责人签字、盖章，再以100 dpi灰度扫描（页面略有倾斜、带噪点）");
    } else {
      boolean pdf = ordinal % 2 == 1;
      files.add(
          Categories.RESPONSIBILITY,
          year + "年度文明创建目标责任书" + (pdf ? ".pdf" : ".docx"),
          at(plan.responsibilityDate(), rng),
          text(responsibility, pdf ? TextFormat.PDF : TextFormat.DOCX));
    }

    boolean meetingPdf = ordinal % 3 == 1;
    for (Meeting m : plan.meetings()) {
      String stem = MeetingRecordTexts.fileStem(year, m.quarter());
      if (m.quarter() == 3 && has(Quirk.MISSING_QUARTER_MEETING, unit, year)) {
        note(
            Quirk.MISSING_QUARTER_MEETING,
            unit,
            year,
            files.folder(Categories.MEETING),
            "没有“"
                + stem
                + "”；第三季度会议已开（"
                + ChineseDateWords.full(m.time().toLocalDate())
                + "），但记录未归档");
        continue;
      }
      boolean noRecorder = m.quarter() == 2 && has(Quirk.MEETING_WITHOUT_RECORDER, unit, year);
      PlannedFile record =
          files.add(
              Categories.MEETING,
              stem + (meetingPdf ? ".pdf" : ".docx"),
              at(m.time().toLocalDate().plusDays(rng.nextInt(2)), rng),
              text(
                  MeetingRecordTexts.record(plan, m, f, !noRecorder),
                  meetingPdf ? TextFormat.PDF : TextFormat.DOCX));
      if (noRecorder) {
        note(
            Quirk.MEETING_WITHOUT_RECORDER,
            unit,
            year,
            record.relativePath(),
            "有时间、地点、主持人、参会和缺席人员、议题、发言和决议，唯独没有“记录人：”一行（签字栏也只有主持人）");
      }
    }

    Meeting signed = plan.meeting(year % 2 == 0 ? 1 : 2);
    files.add(
        Categories.SIGN_IN,
        MeetingRecordTexts.signInFileStem(year, signed.quarter()) + ".xlsx",
        ZonedDateTime.of(
            signed.time().minusDays(1).withHour(16).withMinute(rng.nextInt(60)),
            ChineseDateWords.ZONE),
        MeetingRecordTexts.signIn(plan, signed, f));

    activityRecord(unit, ordinal, year, plan, f, rng, files);
    photos(unit, year, plan, extras, rng, files);

    files.add(
        Categories.HALF_YEAR,
        year + "年上半年文明创建工作小结.docx",
        at(plan.halfYearDate(), rng),
        text(SummaryTexts.halfYear(plan, f), TextFormat.DOCX));

    annualSummary(unit, year, plan, f, rng, files);

    if (extras.rules2024() && year == 2024 || extras.rulesRevised2025() && year == 2025) {
      boolean volunteerRules = Math.floorMod(unit.code().hashCode(), 2) == 0;
      boolean revised = year == 2025;
      String name =
          FormalDocumentTexts.rulesTitle(plan, f, volunteerRules).substring(unit.name().length())
              + (revised ? "（" + year + "年修订）" : "")
              + ".pdf";
      files.add(
          Categories.RULES,
          name,
          at(plan.rulesDate(), rng),
          text(FormalDocumentTexts.rules(plan, f, volunteerRules, revised), TextFormat.PDF));
    }

    if (extras.briefingYears().contains(year)) {
      int issue = 2 + rng.nextInt(4);
      LocalDate date =
          ChineseDateWords.workday(LocalDate.of(year, 5 + rng.nextInt(5), 10 + rng.nextInt(15)));
      List<String> children =
          units.values().stream()
              .filter(u -> unit.flavor() == Flavor.TOWN && u.parentCode().equals(unit.code()))
              .map(UnitProfile::shortName)
              .sorted()
              .toList();
      boolean gb = has(Quirk.GB18030_TEXT, unit, year);
      PlannedFile briefing =
          files.add(
              Categories.BRIEFING,
              "文明创建工作简报（" + year + "年第" + issue + "期）.txt",
              at(date, rng),
              text(
                  ActivityTexts.briefing(plan, f, issue, date, children),
                  gb ? TextFormat.TXT_GB18030 : TextFormat.TXT_UTF8));
      if (gb) {
        note(
            Quirk.GB18030_TEXT,
            unit,
            year,
            briefing.relativePath(),
            "镇党政办编的工作简报，按Windows记事本的“ANSI”（GB18030）保存、换行为CRLF，按UTF-8读会乱码；内容含“工作简报”“创建”“杏桥村”等词");
      }
    }
    return files.list;
  }

  private void activityRecord(
      UnitProfile unit,
      int ordinal,
      int year,
      YearPlan plan,
      TemplateFiller f,
      Random rng,
      Files files) {
    ScheduledActivity a = plan.activities().get(0);
    if (has(Quirk.TRADITIONAL_CHINESE, unit, year)) {
      PlannedFile record =
          files.add(
              Categories.ACTIVITY,
              ChineseDateWords.iso(a.date()) + " 銀杏社區鄰里守望志願服務活動記錄.docx",
              at(a.date().plusDays(2), rng),
              text(ActivityTexts.traditionalRecord(), TextFormat.DOCX));
      note(
          Quirk.TRADITIONAL_CHINESE,
          unit,
          year,
          record.relativePath(),
          "社区干事用繁体录入的“鄰里守望”志愿服务活动记录，文件名也是繁体；正文为人工撰写，不是简繁转换的结果");
      return;
    }
    if (has(Quirk.UNFILLED_TEMPLATE, unit, year)) {
      PlannedFile record =
          files.add(
              Categories.ACTIVITY,
              year + "年新时代文明实践志愿服务活动记录.docx",
              at(a.date().plusDays(3), rng),
              text(ActivityTexts.unfilledTemplate(f), TextFormat.DOCX));
      note(
          Quirk.UNFILLED_TEMPLATE,
          unit,
          year,
          record.relativePath(),
          "活动名称“XX志愿服务活动”、时间“20xx年x月x日”、地点和负责人“×××”均未填写");
      return;
    }
    boolean pdf = (ordinal + year) % 2 == 1;
    files.add(
        Categories.ACTIVITY,
        ChineseDateWords.iso(a.date())
            + " "
            + ActivityTexts.recordTitle(a.idea())
            + (pdf ? ".pdf" : ".docx"),
        at(a.date().plusDays(rng.nextInt(3)), rng),
        text(ActivityTexts.record(plan, a, f), pdf ? TextFormat.PDF : TextFormat.DOCX));
  }

  private void photos(
      UnitProfile unit, int year, YearPlan plan, LedgerExtras extras, Random rng, Files files) {
    int count = extras.secondPhotoYears().contains(year) ? 2 : 1;
    for (int i = 0; i < count; i++) {
      ScheduledActivity a = plan.activities().get(i);
      LocalDateTime taken =
          a.date().atTime(rng.nextBoolean() ? 9 : 15, rng.nextInt(50), rng.nextInt(60));
      boolean mismatch = i == 0 && has(Quirk.PHOTO_TIME_MISMATCH, unit, year);
      if (mismatch) {
        taken = taken.plusDays(38).withHour(17);
      }
      String title = a.idea().title();
      String banner =
          title.startsWith(unit.shortName().substring(0, 2)) ? title : unit.shortName() + title;
      PlannedFile.Photo photo =
          new PlannedFile.Photo(
              banner,
              scene(unit, a),
              taken,
              unit.site().latitude() + (rng.nextDouble() - 0.5) * 0.01,
              unit.site().longitude() + (rng.nextDouble() - 0.5) * 0.01,
              unit.camera(),
              rng.nextLong());
      PlannedFile file =
          files.add(
              Categories.PHOTO,
              ChineseDateWords.iso(a.date()) + " " + a.idea().title() + ".jpg",
              taken.atZone(ChineseDateWords.ZONE),
              photo);
      if (mismatch) {
        note(
            Quirk.PHOTO_TIME_MISMATCH,
            unit,
            year,
            file.relativePath(),
            "文件名日期为"
                + ChineseDateWords.iso(a.date())
                + "，EXIF DateTimeOriginal却是"
                + taken.toString().replace('T', ' ')
                + "（晚了38天）");
      }
    }
  }

  private void annualSummary(
      UnitProfile unit, int year, YearPlan plan, TemplateFiller f, Random rng, Files files) {
    if (has(Quirk.MISSING_ANNUAL_SUMMARY, unit, year)) {
      note(
          Quirk.MISSING_ANNUAL_SUMMARY,
          unit,
          year,
          files.folder(Categories.ANNUAL),
          "没有" + year + "年度文明创建工作总结，也没有缺项说明");
      return;
    }
    Optional<Quirk.Placement> copy = placement(Quirk.COPIED_SUMMARY, unit, year);
    if (copy.isPresent()) {
      CopySource source = annualSummaries.get(copy.get().source() + "/" + year);
      if (source == null) {
        throw new IllegalStateException("copy source must be planned first: " + copy.get());
      }
      UnitProfile from = source.plan().unit();
      // A copy is made after its source: dated the next workday after it when the plan drew an
      // earlier day.
      LocalDate signed =
          plan.annualDate().isAfter(source.plan().annualDate())
              ? plan.annualDate()
              : ChineseDateWords.workday(source.plan().annualDate().plusDays(1));
      DocumentContent copied =
          source
              .content()
              .map(
                  t ->
                      t.replace(from.name(), unit.name())
                          .replace(from.shortName(), unit.shortName())
                          .replaceFirst("现将[^：。]*如下：", "现将一年来的工作情况总结如下：")
                          .replace(
                              ChineseDateWords.full(source.plan().annualDate()),
                              ChineseDateWords.full(signed)));
      PlannedFile file =
          files.add(
              Categories.ANNUAL,
              year + "年度文明创建工作总结.docx",
              at(signed, rng),
              text(copied, TextFormat.DOCX));
      String text = copied.plainText();
      List<String> leftovers = new ArrayList<>();
      if (text.contains(source.plan().leadDocNumber())) {
        leftovers.add("南湖社区的文号“" + source.plan().leadDocNumber() + "”");
      }
      for (String place : List.of("南湖小区", "南湖邻里节")) {
        if (text.contains(place)) {
          leftovers.add("“" + place + "”");
        }
      }
      Person sourceOffice = from.staff().office();
      if (text.contains(sourceOffice.name())) {
        leftovers.add("南湖社区干事" + sourceOffice.name() + "的名字");
      }
      note(
          Quirk.COPIED_SUMMARY,
          unit,
          year,
          file.relativePath(),
          "照抄 "
              + source.path()
              + "：只把单位名称换成"
              + unit.shortName()
              + "、改了落款日期，并把开头“现将……如下”一句改成“现将一年来的工作情况总结如下”"
              + (leftovers.isEmpty() ? "" : "；正文里还留着" + String.join("、", leftovers))
              + "；用的仍是南湖社区的“"
              + from.ledgerWord()
              + "”写法");
      return;
    }
    DocumentContent content = SummaryTexts.annual(plan, f);
    PlannedFile file =
        files.add(
            Categories.ANNUAL,
            year + "年度文明创建工作总结.pdf",
            at(plan.annualDate(), rng),
            text(content, TextFormat.PDF));
    annualSummaries.put(
        unit.code() + "/" + year, new CopySource(plan, content, file.relativePath()));
  }

  /** The county office's own files: the 2024 award decision and the 2025 inspection notice. */
  List<PlannedFile> countyOffice(UnitProfile root, List<UnitProfile> sampleUnits) {
    Files files = new Files(root, 2024, root.staff().office().name());
    List<String> types = List.of("文明单位", "文明行业", "文明村镇", "文明社区", "文明校园");
    List<List<String>> names = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      List<String> list =
          new ArrayList<>(
              sampleUnits.stream()
                  .filter(u -> u.type().equals(type))
                  .map(UnitProfile::name)
                  .toList());
      list.addAll(QingheCounty.otherAwardees().get(i));
      names.add(list);
    }
    Random rng = random(root, 2024);
    LocalDate award = LocalDate.of(2024, 12, 27);
    files.add(
        Categories.AWARD,
        CountyOfficeTexts.AWARD_TITLE + ".pdf",
        at(award, rng),
        text(CountyOfficeTexts.awardDecision(names, award), TextFormat.PDF));
    Files later = new Files(root, 2025, root.staff().office().name());
    LocalDate inspection = LocalDate.of(2025, 7, 25);
    later.add(
        Categories.INSPECTION,
        CountyOfficeTexts.INSPECTION_TITLE + ".pdf",
        at(inspection, rng),
        text(
            CountyOfficeTexts.inspectionNotice(sampleUnits.size() + 26, inspection),
            TextFormat.PDF));
    List<PlannedFile> all = new ArrayList<>(files.list);
    all.addAll(later.list);
    return all;
  }

  private void note(Quirk quirk, UnitProfile unit, int year, String path, String detail) {
    notes.add(new Quirk.Note(quirk, unit.code(), year, path, detail));
  }

  private static PlannedFile.Scene scene(UnitProfile unit, ScheduledActivity a) {
    String place = a.place();
    if (place.contains("会议室")
        || place.contains("报告厅")
        || place.contains("活动室")
        || place.contains("书屋")
        || place.equals(unit.site().meetingRoom())
        || place.endsWith("服务中心")) {
      return PlannedFile.Scene.INDOOR;
    }
    return unit.flavor() == Flavor.TOWN || unit.flavor() == Flavor.VILLAGE
        ? PlannedFile.Scene.COUNTRYSIDE
        : PlannedFile.Scene.STREET;
  }

  /** Office hours on the document's day: when someone typed it up. */
  private static ZonedDateTime at(LocalDate date, Random rng) {
    return ChineseDateWords.at(date, 9 + rng.nextInt(8), rng.nextInt(60));
  }

  private static TextDocument text(DocumentContent content, TextFormat format) {
    return new TextDocument(content, format);
  }

  /** Collects one unit-year's files. */
  private static final class Files {
    private final UnitProfile unit;
    private final int year;
    private final String author;
    private final List<PlannedFile> list = new ArrayList<>();

    Files(UnitProfile unit, int year, String author) {
      this.unit = unit;
      this.year = year;
      this.author = author;
    }

    PlannedFile add(
        String category, String fileName, ZonedDateTime created, PlannedFile.Content content) {
      PlannedFile file =
          new PlannedFile(unit.code(), year, category, fileName, created, author, content);
      list.add(file);
      return file;
    }

    String folder(String category) {
      return unit.code() + "/" + year + "/" + category + "/";
    }
  }
}
