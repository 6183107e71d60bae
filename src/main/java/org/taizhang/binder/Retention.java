package org.taizhang.binder;

import java.util.Optional;

/** 保管期限 by DA/T 22-2015, with the code that stands for it in an 档号. */
public enum Retention {
  PERMANENT("永久", "Y"),
  THIRTY_YEARS("30年", "D30"),
  TEN_YEARS("10年", "D10");

  private final String label;
  private final String code;

  Retention(String label, String code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public String code() {
    return code;
  }

  /** “永久”, “30年”, “定期30年”, “D30”, “Y” and so on. */
  static Optional<Retention> of(String text) {
    String t = text.strip().replace("定期", "").replace(" ", "");
    for (Retention r : values()) {
      if (r.label.equals(t) || r.code.equalsIgnoreCase(t)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
