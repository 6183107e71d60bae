package org.taizhang.binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;

class ArchiveNumberingTest {
  private static final Path FILE = Path.of("index-config", ArchiveNumbering.FILE);
  private static final Catalog CATALOG = Catalog.load(Path.of("index-config"));

  @Test
  void theShippedRulesGiveDaT22ArchiveCodes() throws IOException {
    ArchiveNumbering rules =
        ArchiveNumbering.parse(FILE, Files.readString(FILE, StandardCharsets.UTF_8), CATALOG);
    assertThat(rules.retention("leading-group")).isEqualTo(Retention.PERMANENT);
    assertThat(rules.retention("plan")).isEqualTo(Retention.THIRTY_YEARS);
    assertThat(rules.retention("sign-in")).isEqualTo(Retention.TEN_YEARS);
    assertThat(rules.retention(null)).isEqualTo(Retention.TEN_YEARS);
    // No 全宗号 set: the unit code stands in; no organ code: that part is left out.
    assertThat(rules.archiveCode("qhx-jyj", 2026, Retention.PERMANENT, 7))
        .isEqualTo("qhx-jyj-WS·2026-Y-0007");
  }

  @Test
  void fondsOrganCodeAndDigitsAreConfigurable() {
    String text =
        """
        # 注释
        门类代码 = WS
        机构代码 = BGS
        件号位数 = 3
        全宗号 = Z001
        全宗号 qhx-jyj = Z102
        保管期限 = 定期30年
        保管期限 会议记录 = 永久
        """;
    ArchiveNumbering rules = ArchiveNumbering.parse(FILE, text, CATALOG);
    assertThat(rules.archiveCode("qhx-jyj", 2025, rules.retention("meeting"), 12))
        .isEqualTo("Z102-WS·2025-Y-BGS-012");
    assertThat(rules.archiveCode("other", 2025, rules.retention("plan"), 1))
        .isEqualTo("Z001-WS·2025-D30-BGS-001");
  }

  @Test
  void mistakesNameTheFileAndLine() {
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "门类代码 = WS\n保管期限 = 5年\n", CATALOG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FILE + ":2")
        .hasMessageContaining("永久、30年 或 10年");
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "\n\n保管期限 没有的类别 = 永久\n", CATALOG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FILE + ":3")
        .hasMessageContaining("没有的类别");
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "件号位数 = 四\n", CATALOG))
        .hasMessageContaining(FILE + ":1");
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "全宗号 = Z/1\n", CATALOG))
        .hasMessageContaining("字母和数字");
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "卷号 = 1\n", CATALOG))
        .hasMessageContaining("不认识的名称");
    assertThatThrownBy(() -> ArchiveNumbering.parse(FILE, "门类代码 WS\n", CATALOG))
        .hasMessageContaining("名称 = 值");
  }
}
