package org.taizhang.index;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code index-config/traditional-simplified.txt}: every Han character that ICU's
 * Traditional-Simplified transform maps to exactly one other character. Single characters only, so
 * the mapping keeps text length and highlight offsets stay on the original text.
 *
 * <p>Run with the test class path, e.g. {@code java -cp target/test-classes:$(cat cp.txt)
 * org.taizhang.index.TraditionalSimplifiedTable index-config/traditional-simplified.txt}.
 */
public final class TraditionalSimplifiedTable {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "index-config/traditional-simplified.txt");
    Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
    List<String> lines = new ArrayList<>();
    lines.add("# 繁体字 => 简体字（逐字映射，索引和查询两端同时使用）。");
    lines.add("# 由 ICU 的 Traditional-Simplified 转换生成，只收一对一的单字映射，以保证原文高亮位置不变。");
    lines.add("# 可以按本地习惯修改或删除某一行（例如一字多义造成误配的字）；修改后需重建索引（reindex）。");
    lines.add("# 格式：每行“繁 => 简”。");
    // Both characters are also ordinary simplified characters (乾坤, 著名); folding them would make
    // 干部 match 乾隆 and 着 match 著作.
    String keep = "乾著";
    int[][] ranges = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (int[] r : ranges) {
      for (int cp = r[0]; cp <= r[1]; cp++) {
        String from = new String(Character.toChars(cp));
        String to = t2s.transliterate(from);
        if (keep.indexOf(from) < 0
            && !to.equals(from)
            && to.length() == 1
            && Character.isIdeographic(to.codePointAt(0))) {
          lines.add(from + " => " + to);
        }
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.println((lines.size() - 4) + " mappings written to " + out);
  }
}
