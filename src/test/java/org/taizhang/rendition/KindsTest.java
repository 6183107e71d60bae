package org.taizhang.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which documents get a PDF rendition: by media type, and for Kingsoft's files by name. */
class KindsTest {
  @ParameterizedTest(name = "{1} ({0}): {2}")
  @CsvSource({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document, 记录.docx, true",
    "application/msword, 记录.doc, true",
    "application/vnd.wps-office.doc, 记录.wps, true",
    "application/x-tika-msoffice, 记录.wps, true",
    "application/x-tika-msoffice, 台账.et, true",
    "application/x-tika-msoffice, 汇报.dps, true",
    "application/x-tika-ooxml, 汇报.DPS, true",
    "application/x-tika-msoffice, 邮件.msg, false",
    "application/vnd.ms-excel, 签到.xls, true",
    "text/csv, 签到.csv, true",
    "application/vnd.oasis.opendocument.presentation, 汇报.odp, true",
    "application/ofd, 批复.ofd, true",
    "text/plain, 说明.txt, true",
    "application/rtf, 通知.rtf, true",
    "application/pdf, 台账.pdf, false",
    "image/jpeg, IMG_0001.jpg, false",
    "image/heic, IMG_0001.HEIC, false",
    "application/xhtml+xml, 网页.html, false",
    "message/rfc822, 邮件.eml, false"
  })
  void converts(String mediaType, String fileName, boolean converts) {
    assertThat(Kinds.converts(mediaType, fileName)).isEqualTo(converts);
  }

  @ParameterizedTest
  @CsvSource({
    "application/x-tika-msoffice, 记录.wps, doc",
    "application/x-tika-msoffice, 台账.et, xls",
    "application/x-tika-ooxml, 台账.et, xlsx",
    "text/plain, 说明.txt, txt"
  })
  void theCopyHandedToLibreOfficeIsNamedByItsFormat(String mediaType, String name, String ext) {
    assertThat(Kinds.officeExtension(mediaType, name)).hasValue(ext);
  }
}
