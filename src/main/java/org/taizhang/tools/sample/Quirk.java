package org.taizhang.tools.sample;

/**
 * Deliberate peculiarities of the sample archive. The first three are unusual but legitimate files
 * that an importer must cope with; the rest are defects a completeness checker must find.
 */
enum Quirk {
  SCANNED_PDF(false, "图像型扫描PDF：只有页面图像，没有文字层，需OCR才能读出文字"),
  GB18030_TEXT(false, "GB18030编码的纯文本文件（不是UTF-8）"),
  TRADITIONAL_CHINESE(false, "全文为繁体字的活动记录（含“臺賬”“志願服務”“會議”）"),
  UNFILLED_TEMPLATE(true, "套用模板未填写：活动记录中保留“×××”“XX”“20xx年x月x日”等占位内容"),
  COPIED_SUMMARY(true, "年终总结照抄其他单位"),
  MISSING_QUARTER_MEETING(true, "缺第三季度会议记录（全年只有第一、二、四季度三份会议记录）"),
  MISSING_ANNUAL_SUMMARY(true, "缺年终总结（“年终总结”类别文件夹不存在）"),
  PHOTO_TIME_MISMATCH(true, "活动照片的EXIF拍摄时间与文件名中的活动日期不符"),
  MEETING_WITHOUT_RECORDER(true, "会议记录缺少“记录人”一项");

  private final boolean defect;
  private final String description;

  Quirk(boolean defect, String description) {
    this.defect = defect;
    this.description = description;
  }

  boolean isDefect() {
    return defect;
  }

  String description() {
    return description;
  }

  /** Where a quirk goes: which unit and year; {@code source} names the unit copied from, if any. */
  record Placement(Quirk quirk, String unitCode, int year, String source) {
    Placement(Quirk quirk, String unitCode, int year) {
      this(quirk, unitCode, year, "");
    }
  }

  /** A quirk as it ended up in the archive, for README.md and tests. */
  record Note(Quirk quirk, String unitCode, int year, String path, String detail) {}
}
