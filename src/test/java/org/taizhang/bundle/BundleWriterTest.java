package org.taizhang.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.binder.BinderPlan;
import org.taizhang.binder.BinderPlan.Kind;
import org.taizhang.binder.Retention;

/**
 * A bundle written from a plan made by hand: folders per section in order, names from the 件号 and
 * the 题名 (with the 保管期限 when two share a 件号), hostile titles made safe, a lost original listed but
 * not linked, and an index.html whose links and files agree.
 */
class BundleWriterTest {
  @TempDir Path tmp;

  private static final String HOSTILE = "../../etc/passwd\\关于<印发>:“方案”*?|的通知" + "很长".repeat(200);

  private static BinderPlan.Item item(
      int number, long id, Retention r, String title, String file, String remark) {
    return new BinderPlan.Item(
        number,
        "qhx-WS·2025-" + r.code() + "-" + String.format("%04d", number),
        id,
        id == 1 ? "青文明〔2025〕3号" : null,
        "青禾县测试局",
        LocalDate.of(2025, 3, (int) id),
        title,
        1,
        r,
        remark,
        Kind.PDF,
        file,
        "plan",
        "规划与计划");
  }

  private BinderPlan plan() {
    BinderPlan.Item a = item(1, 1, Retention.PERMANENT, "创建工作实施方案", "方案.PDF", "另证明指标 Ⅱ-1");
    BinderPlan.Item b = item(1, 2, Retention.TEN_YEARS, "学雷锋 志愿服务 活动照片", "IMG 0001.jpg", "");
    BinderPlan.Item c = item(2, 3, Retention.TEN_YEARS, HOSTILE, "x.docx", "");
    BinderPlan.Item lost = item(3, 4, Retention.TEN_YEARS, "原件已丢失的记录", "lost.txt", "");
    return new BinderPlan(
        "qhx-test",
        "青禾县测试局",
        "文明单位",
        2025,
        "文明单位测评体系",
        "40 / 48",
        LocalDate.of(2025, 12, 1),
        List.of(
            new BinderPlan.Section(
                1, "Ⅰ-1", "组织领导/机构", "组织保障 › 组织领导/机构", 4, "达标", List.of(a), List.of(), List.of()),
            new BinderPlan.Section(
                2,
                "Ⅱ-1",
                "志愿服务",
                "志愿服务",
                4,
                "缺项",
                List.of(b, c),
                List.of(a),
                List.of(
                    new BinderPlan.Gap(
                        "2025年第四季度缺少活动记录", "活动延期", LocalDate.of(2026, 1, 31), "clerk"))),
            new BinderPlan.Section(
                3,
                BinderPlan.OTHER,
                "其他归档材料",
                "其他归档材料",
                0,
                "",
                List.of(lost),
                List.of(),
                List.of())));
  }

  @Test
  void everyLinkOpensAFileAndEveryFileIsLinkedInPlanOrder() throws Exception {
    Map<Long, Path> originals = new HashMap<>();
    for (long id = 1; id <= 3; id++) {
      Path f = Files.createTempFile(tmp, "orig", ".bin");
      Files.writeString(f, "原件 " + id, StandardCharsets.UTF_8);
      originals.put(id, f);
    }
    BundleWriter w =
        new BundleWriter(
            plan(),
            id -> Optional.ofNullable(originals.get(id)),
            n -> String.format("%04d", n),
            "2025-12-01 10:00");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(w.write(out)).isEqualTo(3);
    Path dir = Files.createDirectory(tmp.resolve("解压 目录"));
    BundleFiles.Unpacked u = BundleFiles.unzip(out.toByteArray(), dir);

    // two 保管期限 share 件号 0001: the names carry the 保管期限 code
    assertThat(u.entries())
        .containsExactly(
            "01 Ⅰ-1 组织领导_机构/Y-0001 创建工作实施方案.pdf",
            "02 Ⅱ-1 志愿服务/D10-0001 学雷锋 志愿服务 活动照片.jpg",
            u.entries().get(2),
            "index.html");
    String hostile = u.entries().get(2);
    assertThat(hostile).startsWith("02 Ⅱ-1 志愿服务/D10-0002 ").endsWith(".docx");
    String name = hostile.substring(hostile.indexOf('/') + 1);
    assertThat(name).doesNotContainPattern("[/\\\\:*?\"<>|]").doesNotContain("..");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(BundleNames.FILE_BYTES);
    assertThat(name).contains("etc_passwd_关于_印发__“方案”___的通知很长");
    assertThat(Files.readString(dir.resolve(hostile))).isEqualTo("原件 3");

    List<String> links = BundleFiles.assertLinksAndFilesAgree(u);
    // the reference under Ⅱ-1 links back to the file under Ⅰ-1
    assertThat(links)
        .containsExactly(
            "01 Ⅰ-1 组织领导_机构/Y-0001 创建工作实施方案.pdf",
            "02 Ⅱ-1 志愿服务/D10-0001 学雷锋 志愿服务 活动照片.jpg",
            hostile,
            "01 Ⅰ-1 组织领导_机构/Y-0001 创建工作实施方案.pdf");
    org.jsoup.nodes.Document index = u.index();
    Element first = index.selectFirst("#s1 tbody tr");
    assertThat(first.select("td").eachText())
        .containsExactly(
            "Y-0001",
            "qhx-WS·2025-Y-0001",
            "青文明〔2025〕3号",
            "青禾县测试局",
            "2025-03-01",
            "创建工作实施方案",
            "1",
            "永久",
            "另证明指标 Ⅱ-1");
    assertThat(index.select("#s2 .gaps li").text())
        .contains("2025年第四季度缺少活动记录", "活动延期", "2026-01-31");
    // the lost original is listed, not linked
    Element lost = index.selectFirst("#s3 tbody tr");
    assertThat(lost.select("a")).isEmpty();
    assertThat(lost.text()).contains("原件已丢失的记录", "原件缺失");
    assertThat(index.select("style")).hasSize(1);
  }

  @Test
  void oneRetentionKeepsThePlainItemNumber() {
    BinderPlan.Item a = item(7, 1, Retention.TEN_YEARS, "会议记录", "a.doc", "");
    BinderPlan p =
        new BinderPlan(
            "u",
            "单位",
            "文明单位",
            2025,
            "",
            "",
            LocalDate.of(2025, 1, 1),
            List.of(
                new BinderPlan.Section(
                    1,
                    BinderPlan.OTHER,
                    "其他归档材料",
                    "其他归档材料",
                    0,
                    "",
                    List.of(a),
                    List.of(),
                    List.of())));
    Map<Long, String> layout =
        new BundleWriter(p, id -> Optional.empty(), n -> String.format("%04d", n), "").layout();
    assertThat(layout).containsExactly(Map.entry(1L, "01 其他归档材料/0007 会议记录.doc"));
  }

  @Test
  void namesAreSafeOnEverySystem() {
    assertThat(BundleNames.safe("../../etc", 100)).isEqualTo("etc");
    assertThat(BundleNames.safe("a/b\\c:d*e?f\"g<h>i|j", 100)).isEqualTo("a_b_c_d_e_f_g_h_i_j");
    assertThat(BundleNames.safe("  名称。 . ", 100)).isEqualTo("名称。");
    assertThat(BundleNames.safe("CON", 100)).isEqualTo("_CON");
    assertThat(BundleNames.safe("行\n\t尾", 100)).isEqualTo("行 尾");
    // cut at a character, never inside one: 3 bytes each
    assertThat(BundleNames.safe("一二三四", 10)).isEqualTo("一二三");
    assertThat(BundleNames.safe("😀😀", 5)).isEqualTo("😀");
    assertThat(BundleNames.file("0001", "", "x")).isEqualTo("0001 未命名");
    assertThat(BundleNames.file("0001", "....", "a.tar.GZ")).isEqualTo("0001 未命名.gz");
    assertThat(BundleNames.extension("a.文档")).isEmpty();
    assertThat(BundleNames.href("01 Ⅱ-3 志愿服务/0001 a+b#c%.pdf"))
        .isEqualTo(
            "01%20%E2%85%A1-3%20%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1/0001%20a%2Bb%23c%25.pdf");
  }
}
