package org.taizhang.unit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigLines;

/**
 * Reads {@code units.csv}: a header {@code code,name,type,parent}, then one unit per line. The
 * parent must be defined in the same file (in any order) and the type must be a configured one.
 */
public final class UnitsFile {
  private static final String HEADER = "code,name,type,parent";

  private UnitsFile() {}

  public static List<Unit> read(Path file, Set<String> unitTypes) {
    List<ConfigLines.Line> lines = ConfigLines.read(file);
    if (lines.isEmpty() || !lines.get(0).text().replace(" ", "").equals(HEADER)) {
      throw new ConfigException(file, lines.isEmpty() ? 0 : lines.get(0).number(), "第一行应为表头：" + HEADER);
    }
    List<Unit> units = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<ConfigLines.Line> dataLines = lines.subList(1, lines.size());
    for (ConfigLines.Line line : dataLines) {
      String[] f = line.text().split(",", -1);
      if (f.length != 4) {
        throw line.error("应有 4 列（code,name,type,parent），实际为 " + f.length + " 列");
      }
      String code = f[0].strip();
      String name = f[1].strip();
      String type = f[2].strip();
      String parent = f[3].strip().isEmpty() ? null : f[3].strip();
      if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
        throw line.error("单位代码“" + code + "”只能包含字母、数字、下划线和连字符");
      }
      if (name.isEmpty()) {
        throw line.error("单位名称不能为空");
      }
      if (!unitTypes.contains(type)) {
        throw line.error("未知的单位类型“" + type + "”，可选：" + String.join("、", unitTypes));
      }
      if (!codes.add(code)) {
        throw line.error("单位代码重复：" + code);
      }
      units.add(new Unit(code, name, type, parent));
    }
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u.parentCode() != null && !codes.contains(u.parentCode())) {
        throw dataLines.get(i).error("上级单位“" + u.parentCode() + "”未在本文件中定义");
      }
    }
    java.util.Map<String, String> parentOf = new java.util.HashMap<>();
    units.forEach(u -> parentOf.put(u.code(), u.parentCode()));
    for (int i = 0; i < units.size(); i++) {
      String at = units.get(i).code();
      for (int steps = 0; at != null; steps++) {
        if (steps > units.size()) {
          throw dataLines.get(i).error("上级关系形成循环：" + units.get(i).code());
        }
        at = parentOf.get(at);
      }
    }
    return units;
  }
}
