package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.BundleFiles;
import org.taizhang.support.TestFiles;

/**
 * Unpacking bundles and mail as the parser process does it, without the process: member names in
 * GBK and UTF-8, folders, every limit, 7z, and the attachments and headers of .eml and .msg.
 */
class BundleUnpackerTest {
  private static final BundleLimits LIMITS = new BundleLimits(20, 64L << 20, 16L << 20, 100, 3);
  private static TextExtractor extractor;

  @TempDir Path tmp;

  @BeforeAll
  static void extractor() {
    extractor = new TextExtractor(100_000, 100_000_000L);
  }

  private Unpacked unpack(byte[] content, String name, BundleLimits limits)
      throws IOException, ExtractionException {
    Path file = tmp.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return new BundleUnpacker(extractor, limits, tmp.resolve("out")).unpack(file, name, 1);
  }

  @Test
  void gbkNamesWithoutTheUtf8FlagComeOutRight() throws Exception {
    byte[] zip =
        BundleFiles.gbkZip(
            BundleFiles.members(
                "2024年度/会议记录/党支部会议记录.txt", TestFiles.utf8("会议记录"),
                "志愿服务活动方案.txt", TestFiles.utf8("方案")));
    // Windows' tool writes GBK bytes and leaves bit 11 clear.
    assertThat(new String(zip, Charset.forName("ISO-8859-1")))
        .contains(new String("党支部会议记录".getBytes("GBK"), Charset.forName("ISO-8859-1")));
    Unpacked u = unpack(zip, "台账.zip", LIMITS);
    assertThat(u.members())
        .extracting(Unpacked.Member::path)
        .containsExactly("2024年度/会议记录/党支部会议记录.txt", "志愿服务活动方案.txt");
    Unpacked.Member first = u.members().get(0);
    assertThat(first.folders()).containsExactly("2024年度", "会议记录");
    assertThat(first.fileName()).isEqualTo("党支部会议记录.txt");
    assertThat(Files.readString(first.file())).isEqualTo("会议记录");
    assertThat(first.file().getParent()).isEqualTo(tmp.resolve("out"));
  }

  @Test
  void utf8NamesComeOutRightWithAndWithoutTheFlag() throws Exception {
    Map<String, byte[]> members = BundleFiles.members("2025/宣传教育/垃圾分类宣传.txt", TestFiles.utf8("宣传"));
    for (byte[] zip :
        List.of(
            BundleFiles.utf8Zip(members),
            BundleFiles.zip(members, java.nio.charset.StandardCharsets.UTF_8, false))) {
      Unpacked u = unpack(zip, "材料.zip", LIMITS);
      assertThat(u.members())
          .extracting(Unpacked.Member::path)
          .containsExactly("2025/宣传教育/垃圾分类宣传.txt");
      u.close();
    }
  }

  @Test
  void climbingNamesAreRefusedAndNothingIsWrittenOutside() throws Exception {
    byte[] zip =
        BundleFiles.utf8Zip(
            BundleFiles.members(
                "../../逃逸.txt", TestFiles.utf8("x"),
                "/etc/taizhang-escape.txt", TestFiles.utf8("x"),
                "a/../../b.txt", TestFiles.utf8("x"),
                "正常.txt", TestFiles.utf8("正常")));
    Unpacked u = unpack(zip, "bad.zip", LIMITS);
    assertThat(u.members())
        .extracting(Unpacked.Member::failure)
        .containsExactly(
            ExtractionFailure.PATH_TRAVERSAL,
            ExtractionFailure.PATH_TRAVERSAL,
            ExtractionFailure.PATH_TRAVERSAL,
            null);
    Set<String> written = new HashSet<>();
    try (Stream<Path> s = Files.walk(tmp)) {
      s.filter(Files::isRegularFile).forEach(p -> written.add(tmp.relativize(p).toString()));
    }
    assertThat(written).containsExactlyInAnyOrder("in/bad.zip", "out/m1");
    assertThat(Files.exists(Path.of("/etc/taizhang-escape.txt"))).isFalse();
  }

  @Test
  void aMemberInflatingBeyondTheRatioIsAZipBomb() throws Exception {
    byte[] zip =
        BundleFiles.utf8Zip(
            BundleFiles.members("bomb.txt", BundleFiles.zeros(12), "ok.txt", TestFiles.utf8("好")));
    assertThat(zip.length).isLessThan(100_000);
    Unpacked u = unpack(zip, "bomb.zip", LIMITS);
    assertThat(u.members().get(0).failure()).isEqualTo(ExtractionFailure.ZIP_BOMB);
    assertThat(u.members().get(0).file()).isNull();
    assertThat(u.members().get(1).unpacked()).isTrue();
  }

  @Test
  void aBundleBeyondTheTotalSizeIsRefusedWhole() {
    BundleLimits small = new BundleLimits(20, 3L << 20, 16L << 20, 100_000, 3);
    assertThatThrownBy(
            () ->
                unpack(
                    BundleFiles.utf8Zip(
                        BundleFiles.members(
                            "a.txt", BundleFiles.zeros(2), "b.txt", BundleFiles.zeros(2))),
                    "big.zip",
                    small))
        .isInstanceOf(ExtractionException.class)
        .extracting(e -> ((ExtractionException) e).failure())
        .isEqualTo(ExtractionFailure.BUNDLE_TOO_LARGE);
  }

  @Test
  void tooManyMembersAreRefusedWhole() {
    BundleLimits three = new BundleLimits(3, 64L << 20, 16L << 20, 100, 3);
    assertThatThrownBy(
            () ->
                unpack(
                    BundleFiles.utf8Zip(
                        BundleFiles.members(
                            "1.txt", TestFiles.utf8("1"),
                            "2.txt", TestFiles.utf8("2"),
                            "3.txt", TestFiles.utf8("3"),
                            "4.txt", TestFiles.utf8("4"))),
                    "many.zip",
                    three))
        .extracting(e -> ((ExtractionException) e).failure())
        .isEqualTo(ExtractionFailure.TOO_MANY_MEMBERS);
  }

  @Test
  void archivesInsideArchivesAreUnpackedDownToTheDepthLimit() throws Exception {
    byte[] level3 =
        BundleFiles.utf8Zip(
            BundleFiles.members(
                "第三层.txt", TestFiles.utf8("3"),
                "level4.zip",
                    BundleFiles.utf8Zip(BundleFiles.members("第四层.txt", TestFiles.utf8("4")))));
    byte[] level2 = BundleFiles.utf8Zip(BundleFiles.members("level3.zip", level3));
    byte[] level1 =
        BundleFiles.gbkZip(
            BundleFiles.members("level2.zip", level2, "第一层.txt", TestFiles.utf8("1")));
    Unpacked u = unpack(level1, "level1.zip", LIMITS);
    assertThat(u.members())
        .extracting(Unpacked.Member::path, Unpacked.Member::failure)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("level2.zip/level3.zip/第三层.txt", null),
            org.assertj.core.groups.Tuple.tuple(
                "level2.zip/level3.zip/level4.zip", ExtractionFailure.NESTING_TOO_DEEP),
            org.assertj.core.groups.Tuple.tuple("第一层.txt", null));
  }

  @Test
  void sevenZipArchivesAreUnpacked() throws Exception {
    byte[] seven =
        BundleFiles.sevenZ(
            BundleFiles.members(
                "2025年/活动记录/学雷锋活动.txt", TestFiles.utf8("学雷锋"),
                "../escape.txt", TestFiles.utf8("x")));
    Unpacked u = unpack(seven, "材料.7z", LIMITS);
    assertThat(u.mediaType()).isEqualTo("application/x-7z-compressed");
    assertThat(u.members())
        .extracting(Unpacked.Member::path, Unpacked.Member::failure)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2025年/活动记录/学雷锋活动.txt", null),
            org.assertj.core.groups.Tuple.tuple("../escape.txt", ExtractionFailure.PATH_TRAVERSAL));
    assertThat(Files.readString(u.members().get(0).file())).isEqualTo("学雷锋");
  }

  @Test
  void emlGivesItsHeadersAndEachAttachment() throws Exception {
    byte[] eml =
        BundleFiles.eml(
            "关于开展2025年文明单位创建工作的通知",
            "县文明办 <wmb@example.gov.cn>",
            "Tue, 10 Jun 2025 09:30:00 +0800",
            "各单位：请按附件要求报送材料。",
            BundleFiles.members(
                "创建工作实施方案.docx", TestFiles.docx("创建工作实施方案正文"),
                "报送表.txt", TestFiles.utf8("报送表正文")));
    Unpacked u = unpack(eml, "通知.eml", LIMITS);
    assertThat(u.isMail()).isTrue();
    assertThat(u.subject()).isEqualTo("关于开展2025年文明单位创建工作的通知");
    assertThat(u.sender()).isEqualTo("县文明办 <wmb@example.gov.cn>");
    assertThat(u.sent()).isEqualTo(Instant.parse("2025-06-10T01:30:00Z"));
    assertThat(u.members())
        .extracting(Unpacked.Member::path)
        .containsExactly("创建工作实施方案.docx", "报送表.txt");
    assertThat(Files.readString(u.members().get(1).file())).isEqualTo("报送表正文");

    Path file = tmp.resolve("in/通知.eml");
    Extraction x = extractor.extract(file, "通知.eml");
    assertThat(x.mediaType()).isEqualTo("message/rfc822");
    assertThat(x.text()).contains("请按附件要求报送材料").doesNotContain("报送表正文", "实施方案正文");
  }

  @Test
  void picturesShownInTheBodyAreNotAttachments() throws Exception {
    String eml =
        """
        From: wmb@example.gov.cn
        Subject: logo
        Date: Tue, 10 Jun 2025 09:30:00 +0800
        MIME-Version: 1.0
        Content-Type: multipart/related; boundary="b"

        --b
        Content-Type: text/html; charset=UTF-8

        <p>请查收<img src="cid:logo1"></p>
        --b
        Content-Type: image/png; name="logo.png"
        Content-ID: <logo1>
        Content-Disposition: inline; filename="logo.png"
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --b
        Content-Type: image/jpeg; name="活动照片.jpg"
        Content-Disposition: attachment; filename="photo.jpg"
        Content-Transfer-Encoding: base64

        /9j/4AAQ
        --b--
        """;
    Unpacked u =
        unpack(eml.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "logo.eml", LIMITS);
    assertThat(u.members()).extracting(Unpacked.Member::path).containsExactly("photo.jpg");
  }

  @Test
  void msgGivesItsHeadersAndEachAttachment() throws Exception {
    byte[] msg =
        BundleFiles.msg(
            "转发：志愿服务活动安排",
            "街道文明办",
            "星河社区",
            "Wed, 11 Jun 2025 14:00:00 +0800",
            "请社区按安排组织志愿服务活动。",
            BundleFiles.members(
                "志愿服务活动安排.docx", TestFiles.docx("志愿服务活动安排正文"),
                "签到表.txt", TestFiles.utf8("签到表正文")));
    Unpacked u = unpack(msg, "安排.msg", LIMITS);
    assertThat(u.mediaType()).isEqualTo("application/vnd.ms-outlook");
    assertThat(u.subject()).isEqualTo("转发：志愿服务活动安排");
    assertThat(u.sender()).isEqualTo("街道文明办");
    assertThat(u.sent()).isEqualTo(Instant.parse("2025-06-11T06:00:00Z"));
    assertThat(u.members())
        .extracting(Unpacked.Member::path)
        .containsExactly("志愿服务活动安排.docx", "签到表.txt");

    Extraction x = extractor.extract(tmp.resolve("in/安排.msg"), "安排.msg");
    assertThat(x.text()).contains("请社区按安排组织志愿服务活动").doesNotContain("签到表正文");
  }
}
