package org.taizhang.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.support.DamagedFiles;
import org.taizhang.support.OfdTestFiles;
import org.taizhang.support.TestFiles;

/**
 * Writes the bad-input corpus ({@code src/test/bad-input}): hostile and broken files, each with the
 * outcome it must have, listed in {@code manifest.tsv}. The corpus is committed so that a change in
 * a parser shows up as a changed outcome, not as a changed file; rerun this after editing a case:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) org.taizhang.ingest.BadInputCorpus
 * </pre>
 *
 * The zip files written here carry a fixed entry time and come out byte for byte the same; the
 * whole PDFs (document ID), the encrypted PDF (salt), the zip bomb and the workbook (entry times)
 * differ on every run in bytes that none of the cases depends on.
 */
public final class BadInputCorpus {
  public static final Path DIR = Path.of("src/test/bad-input");
  public static final String MANIFEST = "manifest.tsv";

  /** Upload name meaning "the same name as on disk". */
  public static final String SAME = "-";

  /** Upload name of a case that only the folder import can meet (a symbolic link). */
  public static final String NOT_UPLOADED = "n/a";

  public static final String ACCEPTED = "ACCEPTED";

  /** File column prefix for a name whose raw bytes are not UTF-8. */
  public static final String HEX = "hex:";

  /** 2025年志愿服务活动记录.txt as a Windows zip tool writes it: GB18030 bytes, not UTF-8. */
  static final String GB18030_NAME = "2025年志愿服务活动记录.txt";

  static final String LONG_UPLOAD_NAME = "文明创建志愿服务活动记录".repeat(83) + ".pdf"; // 1,000 characters

  /** 255 bytes in UTF-8, the most a Linux file name may have; more than 200 characters. */
  static final String LONG_DISK_NAME = "志愿服务活动记录-" + "a".repeat(226) + ".txt";

  static final String BIG5_TEXT = "青禾縣星河社區道德講堂活動紀錄：鄰里互助，志願者為孤寡老人送去溫暖。";
  static final String UTF16_TEXT = "星河社区垃圾分类宣传周活动记录：时间 2025年4月8日，地点 社区广场。";

  static final int NESTED_ZIP_LEVELS = 30;

  /** The default of taizhang.upload.max-members: one more is too many. */
  static final int TOO_MANY_MEMBERS = 2000;

  static final int NESTED_DOCX_LEVELS = 30;

  /**
   * How deep Tika 3.2.3 reads embedded documents before it stops (SecureContentHandler's
   * package-entry limit).
   */
  static final int TIKA_EMBEDDED_DEPTH = 10;

  private static final long ZIP_TIME =
      1_735_689_600_000L; // 2025-01-01, fixed for reproducible archives

  private BadInputCorpus() {}

  /**
   * One line of the manifest: where the file is, the name it is uploaded under, what must happen
   * and why.
   */
  public record Case(String file, String uploadName, String expected, String why) {
    public boolean uploaded() {
      return !NOT_UPLOADED.equals(uploadName);
    }

    /** The path of the case below {@code dir}; names given in hex are resolved byte for byte. */
    public Path path(Path dir) {
      return resolve(dir, file);
    }

    /** The name sent in the multipart upload, as raw bytes. */
    public byte[] uploadNameBytes() {
      if (!SAME.equals(uploadName)) {
        return uploadName.getBytes(StandardCharsets.UTF_8);
      }
      return file.startsWith(HEX)
          ? HexFormat.of().parseHex(file.substring(HEX.length()))
          : file.getBytes(StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : DIR;
    Files.createDirectories(dir);
    List<Case> cases = new ArrayList<>();

    write(
        dir,
        cases,
        "truncated.pdf",
        SAME,
        "CORRUPT_FILE",
        "截断的 PDF：文件头正确，只剩前三分之一（传输中断）",
        TestFiles.truncatedPdf());
    write(
        dir,
        cases,
        "encrypted.pdf",
        SAME,
        "ENCRYPTED",
        "设置了打开密码的 PDF",
        TestFiles.pdf("Encrypted ledger page", "secret"));
    write(
        dir,
        cases,
        "zip-bomb.docx",
        SAME,
        "ZIP_BOMB",
        "伪装成 Word 的压缩炸弹：约 50 KB 的文件解压出 50 MB 正文",
        TestFiles.zipBombDocx(50));
    write(dir, cases, "empty.txt", SAME, "EMPTY_FILE", "0 字节", new byte[0]);
    write(
        dir,
        cases,
        "pdf-named-as.docx",
        SAME,
        ACCEPTED,
        "扩展名不对：真正的 PDF 起名 .docx；按内容识别，存为 application/pdf",
        TestFiles.pdf("Wrong extension ledger page", null));
    write(
        dir,
        cases,
        "elf-executable.jpg",
        SAME,
        "UNSUPPORTED_TYPE",
        "扩展名不对：Linux 可执行文件（ELF 头加随机字节）起名 .jpg",
        elf());
    write(
        dir,
        cases,
        "windows-executable.docx",
        SAME,
        "UNSUPPORTED_TYPE",
        "扩展名不对：Windows 可执行文件（MZ/PE 头加随机字节）起名 .docx",
        windowsExecutable());
    write(
        dir,
        cases,
        "png-20000x20000.png",
        SAME,
        "IMAGE_TOO_LARGE",
        "PNG 文件头声称 20000×20000 像素（4 亿像素），实际几乎没有图像数据",
        png(20_000, 20_000));
    write(
        dir,
        cases,
        "jpeg-20000x20000.jpg",
        SAME,
        "IMAGE_TOO_LARGE",
        "JPEG 帧头声称 20000×20000 像素，实际几乎没有图像数据",
        jpeg(20_000, 20_000));
    write(
        dir,
        cases,
        "nested-30-levels.zip",
        SAME,
        "NESTING_TOO_DEEP",
        "嵌套 30 层的 zip：解压到第 3 层（taizhang.upload.max-nesting），第 4 层的压缩包拒收；整包无可接收的文件",
        nestedZip(NESTED_ZIP_LEVELS));
    write(
        dir,
        cases,
        "nested-30-levels.docx",
        SAME,
        ACCEPTED,
        "Word 里嵌入 Word，嵌套 30 层：Tika 3.2.3 读到第 10 层即停（嵌套上限的异常只记在内层，不中断解析），"
            + "所以接收，正文只含前 10 层，解析正常结束",
        nestedDocx(NESTED_DOCX_LEVELS));
    write(
        dir,
        cases,
        "garbage-document-xml.docx",
        SAME,
        "CORRUPT_FILE",
        "结构完整的 docx，但 word/document.xml 是乱码",
        docxWithDocumentXml(TestFiles.binaryNoise(2048)));
    write(
        dir,
        cases,
        "truncated.xlsx",
        SAME,
        "CORRUPT_FILE",
        "只剩前一半的 Excel（xlsx 的 zip 目录丢失）",
        truncatedXlsx());
    write(
        dir,
        cases,
        "gb18030-text.txt",
        SAME,
        ACCEPTED,
        "GB18030 编码的文本（Windows 记事本“ANSI”）：正文中文须正确解码",
        "青禾县星河社区道德讲堂活动记录：邻里互助，志愿者为孤寡老人送去温暖。".getBytes(Charset.forName("GB18030")));
    writeRaw(
        dir,
        cases,
        GB18030_NAME.getBytes(Charset.forName("GB18030")),
        SAME,
        ACCEPTED,
        "文件名不是 UTF-8：GB18030 字节的中文名（Windows 压缩工具打包的样子）；接收，显示名清理后不为空",
        TestFiles.utf8("2025年志愿服务活动记录：组织志愿者清扫社区公共区域。"));
    write(
        dir,
        cases,
        LONG_DISK_NAME,
        SAME,
        ACCEPTED,
        "文件名 255 字节（Linux 上限）：接收，名称截到 200 字以内并保留扩展名",
        TestFiles.utf8("志愿服务活动记录（文件名很长）：社区志愿者开展文明交通劝导。"));
    write(
        dir,
        cases,
        "long-upload-name.pdf",
        LONG_UPLOAD_NAME,
        ACCEPTED,
        "上传时文件名 1000 字：接收，名称截到 200 字以内并保留扩展名",
        TestFiles.pdf("Long name ledger page", null));
    write(
        dir,
        cases,
        "dot-dot-x.txt",
        "../../x",
        ACCEPTED,
        "上传名 ../../x：只取最后一段，存为 x，数据目录之外不写任何东西",
        TestFiles.utf8("上传名带路径穿越的创建工作简报。"));
    link(
        dir,
        cases,
        "link-to-etc-hostname.txt",
        "/etc/hostname",
        "指向导入目录之外（/etc/hostname）的符号链接：导入时拒收，不读取目标");
    link(dir, cases, "link-up", "../../..", "指向上三级目录的符号链接：导入时拒收，不进入、不读取");

    formats(dir, cases);
    write(
        dir,
        cases,
        "zip-slip.zip",
        SAME,
        "PATH_TRAVERSAL",
        "成员名含 ../ 和绝对路径的 zip（zip slip）：逐个拒收，解压目录之外不写任何东西",
        zip(
            List.of(
                new Part("../../zip-slip-escaped.txt", TestFiles.utf8("逃出解压目录")),
                new Part("ok/../../../zip-slip-escaped.txt", TestFiles.utf8("逃出解压目录")),
                new Part("/tmp/zip-slip-escaped.txt", TestFiles.utf8("绝对路径")))));
    write(
        dir,
        cases,
        "zip-bomb-member.zip",
        SAME,
        "ZIP_BOMB",
        "zip 里一个约 20 KB 的成员解压出 20 MB（超过 100 倍压缩比）：写到比例上限即停，拒收",
        zip(List.of(new Part("全是零的台账.txt", new byte[20 << 20]))));
    List<Part> many = new ArrayList<>();
    for (int i = 0; i <= TOO_MANY_MEMBERS; i++) {
      many.add(new Part(i + ".txt", new byte[] {'x'}));
    }
    write(
        dir,
        cases,
        "too-many-members.zip",
        SAME,
        "TOO_MANY_MEMBERS",
        "2001 个成员的 zip（上限 taizhang.upload.max-members=2000）：整包拒收，一个也不解压",
        zip(many));

    writeManifest(dir, cases);
  }

  /**
   * Formats beyond Word, Excel and PDF: read (OFD, Big5, UTF-16, HEIC, Kingsoft), or refused with
   * their reason (PDFs cut short, an OFD bomb, Office files with a password).
   */
  private static void formats(Path dir, List<Case> cases) throws IOException {
    byte[] pdf = TestFiles.pdf("Ledger page of the volunteer service month", null);
    String[] files = {
      "truncated-half.pdf",
      "truncated-no-eof.pdf",
      "truncated-broken-xref.pdf",
      "truncated-stream.pdf"
    };
    String[] whys = {
      "PDF 只剩前一半（下载中断）：文件不完整",
      "PDF 末尾缺少 %%EOF：文件不完整",
      "PDF 的 startxref 指向的交叉引用表被覆盖：文件不完整",
      "PDF 中间的内容流少了一半，其余完整（交叉引用位置全部错开）：文件不完整"
    };
    for (int i = 0; i < files.length; i++) {
      write(
          dir,
          cases,
          files[i],
          SAME,
          "CORRUPT_FILE",
          whys[i],
          DamagedFiles.pdf(pdf, DamagedFiles.PDF_DAMAGE[i]));
    }
    write(
        dir,
        cases,
        "ofd-bomb.ofd",
        SAME,
        "ZIP_BOMB",
        "OFD 压缩炸弹：OFD.xml 之外一个条目约 40 KB，解压出 40 MB",
        OfdTestFiles.ratioBomb(40));
    write(
        dir,
        cases,
        "encrypted.docx",
        SAME,
        "ENCRYPTED",
        "设置了打开密码的 Word（OLE2 容器中的加密 OOXML）",
        DamagedFiles.encryptedOffice("encrypted.docx", "secret"));
    write(
        dir,
        cases,
        "encrypted.xlsx",
        SAME,
        "ENCRYPTED",
        "设置了打开密码的 Excel（OLE2 容器中的加密 OOXML）",
        DamagedFiles.encryptedOffice("encrypted.xlsx", "secret"));
    write(
        dir,
        cases,
        "红头文件.ofd",
        SAME,
        ACCEPTED,
        "OFD 红头文件（GB/T 33190）：按内容识别为 application/ofd，正文含文号",
        OfdTestFiles.redHeadNotice());
    write(
        dir,
        cases,
        "big5-text.txt",
        SAME,
        ACCEPTED,
        "Big5 编码的繁体文本：正文须正确解码",
        BIG5_TEXT.getBytes(Charset.forName("Big5")));
    write(
        dir,
        cases,
        "utf16le-no-bom.txt",
        SAME,
        ACCEPTED,
        "UTF-16LE 文本，没有 BOM：正文须正确解码",
        UTF16_TEXT.getBytes(StandardCharsets.UTF_16LE));
    write(
        dir,
        cases,
        "utf16be-bom.txt",
        SAME,
        ACCEPTED,
        "UTF-16BE 文本，带 BOM：正文须正确解码",
        UTF16_TEXT.getBytes(StandardCharsets.UTF_16)); // Java writes UTF-16 big-endian with a BOM
    try (var in =
        BadInputCorpus.class.getResourceAsStream("/org/taizhang/extract/iphone-photo.heic")) {
      write(
          dir,
          cases,
          "iphone-photo.heic",
          SAME,
          ACCEPTED,
          "iPhone 拍的 HEIC 照片（带 EXIF 拍摄时间、GPS、相机）",
          in.readAllBytes());
    }
    try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("签到表").createRow(0).createCell(0).setCellValue("金山表格志愿者签到表");
      wb.write(out);
      write(
          dir,
          cases,
          "kingsoft.et",
          SAME,
          ACCEPTED,
          "金山 WPS 表格 .et（OLE2 的 Excel）",
          out.toByteArray());
    }
  }

  /** Reads the manifest; lines starting with # are comments, the first other line is the header. */
  public static List<Case> read(Path dir) throws IOException {
    List<Case> cases = new ArrayList<>();
    boolean header = true;
    for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 4) {
        throw new IllegalStateException(MANIFEST + ": 4 columns expected: " + line);
      }
      cases.add(new Case(cols[0], cols[1], cols[2], cols[3]));
    }
    return cases;
  }

  /**
   * {@code dir.resolve(file)}, except that a {@code hex:} name becomes exactly those bytes: a file
   * URI carries raw bytes through percent escapes, which a String path would re-encode as UTF-8.
   */
  static Path resolve(Path dir, String file) {
    if (!file.startsWith(HEX)) {
      return dir.resolve(file);
    }
    StringBuilder escaped = new StringBuilder();
    for (byte b : HexFormat.of().parseHex(file.substring(HEX.length()))) {
      escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
    }
    return Path.of(URI.create(dir.toAbsolutePath().toUri() + escaped.toString()));
  }

  private static void write(
      Path dir,
      List<Case> cases,
      String file,
      String uploadName,
      String expected,
      String why,
      byte[] content)
      throws IOException {
    Files.write(dir.resolve(file), content);
    cases.add(new Case(file, uploadName, expected, why));
  }

  private static void writeRaw(
      Path dir,
      List<Case> cases,
      byte[] rawName,
      String uploadName,
      String expected,
      String why,
      byte[] content)
      throws IOException {
    String file = HEX + HexFormat.of().formatHex(rawName);
    Files.write(resolve(dir, file), content);
    cases.add(new Case(file, uploadName, expected, why));
  }

  private static void link(Path dir, List<Case> cases, String file, String target, String why)
      throws IOException {
    Path link = dir.resolve(file);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, Path.of(target));
    cases.add(new Case(file, NOT_UPLOADED, "NOT_A_FILE", why));
  }

  private static void writeManifest(Path dir, List<Case> cases) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            """
        # The bad-input corpus: every file here and the outcome it must have. Written by
        # BadInputCorpus (src/test/java); checked by BadInputTest.
        # file: path in this directory; hex:… gives the raw bytes of a name that is not UTF-8.
        # upload name: the name sent in the multipart upload; - the same as on disk; n/a not uploaded.
        # expected: a Rejection code (src/main/java/org/taizhang/ingest/Rejection.java) or ACCEPTED.
        file\tupload name\texpected\twhy
        """);
    for (Case c : cases) {
      sb.append(c.file())
          .append('\t')
          .append(c.uploadName())
          .append('\t')
          .append(c.expected())
          .append('\t')
          .append(c.why())
          .append('\n');
    }
    Files.writeString(dir.resolve(MANIFEST), sb, StandardCharsets.UTF_8);
  }

  /** An ELF header (64-bit, x86-64 executable) followed by noise. */
  private static byte[] elf() {
    byte[] b = noise(4096, 7);
    byte[] header = HexFormat.of().parseHex("7f454c4602010100000000000000000002003e0001000000");
    System.arraycopy(header, 0, b, 0, header.length);
    return b;
  }

  /** A DOS stub pointing at a PE signature, then noise: what a renamed .exe looks like. */
  private static byte[] windowsExecutable() {
    byte[] b = noise(4096, 11);
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80; // e_lfanew
    b[0x3d] = b[0x3e] = b[0x3f] = 0;
    byte[] pe = {'P', 'E', 0, 0, (byte) 0x64, (byte) 0x86};
    System.arraycopy(pe, 0, b, 0x80, pe.length);
    return b;
  }

  /** A valid PNG header declaring {@code w × h} pixels, then one tiny image data chunk. */
  private static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(HexFormat.of().parseHex("89504e470d0a1a0a"));
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    writeInt(ihdr, w);
    writeInt(ihdr, h);
    ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
      z.write(new byte[64]);
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    writeInt(out, data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  /**
   * A baseline JPEG whose frame header declares {@code w × h} pixels, with a few bytes of scan
   * data.
   */
  private static byte[] jpeg(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000"));
    out.writeBytes(HexFormat.of().parseHex("ffdb004300" + "01".repeat(64)));
    out.writeBytes(HexFormat.of().parseHex("ffc0000b08"));
    out.write(h >>> 8);
    out.write(h);
    out.write(w >>> 8);
    out.write(w);
    out.writeBytes(HexFormat.of().parseHex("01011100"));
    out.writeBytes(
        HexFormat.of()
            .parseHex("ffc4001f0000010501010101010100000000000000000102030405060708090a0b"));
    out.writeBytes(HexFormat.of().parseHex("ffda0008010100003f00"));
    out.writeBytes(new byte[16]);
    out.writeBytes(HexFormat.of().parseHex("ffd9"));
    return out.toByteArray();
  }

  /** A zip holding a zip holding a zip … {@code levels} deep, a text file at the bottom. */
  private static byte[] nestedZip(int levels) throws IOException {
    byte[] inner = zip(List.of(new Part("台账.txt", TestFiles.utf8("最里层的台账"))));
    for (int level = levels - 1; level >= 1; level--) {
      inner = zip(List.of(new Part("level-" + (level + 1) + ".zip", inner)));
    }
    return inner;
  }

  /**
   * A Word document that embeds a Word document that embeds … {@code levels} deep, each level a
   * paragraph saying which it is.
   */
  private static byte[] nestedDocx(int levels) throws IOException {
    byte[] inner = null;
    for (int level = levels; level >= 1; level--) {
      inner = docx("第 " + level + " 层嵌入文档", inner);
    }
    return inner;
  }

  private static byte[] docx(String paragraph, byte[] embedded) throws IOException {
    String rels =
        embedded == null
            ? ""
            : "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\""
                + " Target=\"embeddings/Microsoft_Word_Document.docx\"/>";
    List<Part> parts =
        new ArrayList<>(
            List.of(
                new Part(
                    "[Content_Types].xml",
                    TestFiles.utf8(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Default Extension=\"docx\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"/>"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                            + "</Types>")),
                new Part(
                    "_rels/.rels",
                    TestFiles.utf8(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                            + "</Relationships>")),
                new Part(
                    "word/document.xml",
                    TestFiles.utf8(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                            + "<w:p><w:r><w:t>"
                            + paragraph
                            + "</w:t></w:r></w:p></w:body></w:document>")),
                new Part(
                    "word/_rels/document.xml.rels",
                    TestFiles.utf8(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + rels
                            + "</Relationships>"))));
    if (embedded != null) {
      parts.add(new Part("word/embeddings/Microsoft_Word_Document.docx", embedded));
    }
    return zip(parts);
  }

  /** A docx with every part in place whose main document part is the given bytes. */
  private static byte[] docxWithDocumentXml(byte[] documentXml) throws IOException {
    byte[] good = docx("占位", null);
    List<Part> parts = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        parts.add(
            new Part(
                e.getName(),
                e.getName().equals("word/document.xml") ? documentXml : in.readAllBytes()));
      }
    }
    return zip(parts);
  }

  /** The first half of a small real workbook: the zip's central directory is gone. */
  private static byte[] truncatedXlsx() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("志愿服务台账");
      for (int r = 0; r < 40; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("2025年" + (r % 12 + 1) + "月志愿服务");
        row.createCell(1).setCellValue(r * 3 + 1);
      }
      book.getProperties().getCoreProperties().setCreated(Optional.of(new Date(ZIP_TIME)));
      book.write(out);
      byte[] whole = out.toByteArray();
      return Arrays.copyOf(whole, whole.length / 2);
    }
  }

  private record Part(String name, byte[] content) {}

  private static byte[] zip(List<Part> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Part p : parts) {
        ZipEntry e = new ZipEntry(p.name());
        e.setTime(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(p.content());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] noise(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
