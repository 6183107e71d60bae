package org.taizhang.completeness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A recorded 一票否决 item: the unit may not apply (不得申报) whatever its score. */
public record Veto(String code, String name, String reason, String by, String byName, Instant at) {
  /** “F-3 创建材料弄虚作假（理由）”, as every output writes it. */
  @JsonProperty("text")
  public String text() {
    return code + (name == null || name.isEmpty() ? "" : " " + name) + "（" + reason + "）";
  }
}
