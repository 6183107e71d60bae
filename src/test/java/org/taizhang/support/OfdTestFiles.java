package org.taizhang.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Span;

/**
 * OFD files (GB/T 33190) for tests, written with ofdrw's layout writer, and broken ones by hand.
 */
public final class OfdTestFiles {
  /** The 文号 line of {@link #redHeadNotice}. */
  public static final String DOCUMENT_NUMBER = "青文明办发〔2025〕7号";

  private OfdTestFiles() {}

  /**
   * A 红头文件 as county offices issue them: the issuing office in red, a 文号, the title, the
   * addressees, the body, the signature and date.
   */
  public static byte[] redHeadNotice() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OFDDoc doc = new OFDDoc(out)) {
      doc.add(new Paragraph().add(new Span("青禾县精神文明建设办公室文件").setFontSize(9d).setColor(200, 0, 0)));
      doc.add(new Paragraph(DOCUMENT_NUMBER, 4.2d));
      doc.add(new Paragraph("关于开展2025年学雷锋志愿服务月活动的通知", 6d));
      doc.add(new Paragraph("各乡镇、县直各单位：", 4.2d));
      doc.add(new Paragraph("为深入推进文明城市创建，现就三月份集中开展学雷锋志愿服务活动有关事项通知如下。各单位要精心组织，做好活动记录和台账归档。", 4.2d));
      doc.add(new Paragraph("青禾县精神文明建设办公室", 4.2d));
      doc.add(new Paragraph("2025年3月1日", 4.2d));
    }
    return out.toByteArray();
  }

  /**
   * A work summary long enough to run over {@code pages} pages or more: numbered paragraphs, each
   * starting with 第N段, so that a reader can tell which page shows which.
   */
  public static byte[] longSummary(int paragraphs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OFDDoc doc = new OFDDoc(out)) {
      doc.add(new Paragraph("青禾县2025年文明创建工作总结", 6d));
      for (int i = 1; i <= paragraphs; i++) {
        doc.add(new Paragraph("第" + i + "段：本季度组织志愿服务活动，开展道德讲堂，整理台账资料，按时归档会议记录与签到表。", 4.2d));
      }
    }
    return out.toByteArray();
  }

  /**
   * An OFD package whose {@code OFD.xml} is real but which holds one more entry of {@code
   * megabytes} MB of zeros: a few kilobytes that inflate a thousandfold.
   */
  public static byte[] ratioBomb(int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      put(zip, "OFD.xml", minimalOfdXml());
      zip.putNextEntry(new ZipEntry("Doc_0/Res/image_0.png"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** An OFD package with {@code count} tiny entries besides {@code OFD.xml}. */
  public static byte[] manyEntries(int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "OFD.xml", minimalOfdXml());
      for (int i = 0; i < count; i++) {
        put(zip, "Doc_0/Res/r" + i, "");
      }
    }
    return bytes.toByteArray();
  }

  /** An OFD package with an entry that climbs out of the package ({@code ../}). */
  public static byte[] escapingEntry() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "OFD.xml", minimalOfdXml());
      put(zip, "../../escaped.txt", "外");
    }
    return bytes.toByteArray();
  }

  /** An OFD package whose OFD.xml declares an external entity that would read /etc/hostname. */
  public static byte[] externalEntity() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "OFD.xml",
          minimalOfdXml()
              .replace(
                  "<ofd:OFD ",
                  "<!DOCTYPE ofd:OFD [<!ENTITY h SYSTEM \"file:///etc/hostname\">]><ofd:OFD ")
              .replace("<ofd:DocID>0</ofd:DocID>", "<ofd:DocID>&h;</ofd:DocID>"));
    }
    return bytes.toByteArray();
  }

  private static String minimalOfdXml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\">"
        + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
        + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
