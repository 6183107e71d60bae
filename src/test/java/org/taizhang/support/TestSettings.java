package org.taizhang.support;

/**
 * Settings by which tests depart from the shipped defaults, each with its reason. Everything else
 * runs as shipped, OCR included; {@code SoakIT} runs the packaged jar with no departure at all.
 */
public final class TestSettings {
  /**
   * No import of the sample county on the first start. A test builds the archive it checks — the
   * sample folder imported in the foreground, or files of its own — and an import in the background
   * would change what it counts at moments of its own. {@code SoakIT} runs with the import on.
   */
  public static final String OWN_ARCHIVE = "taizhang.sample.import-on-first-start=false";

  private TestSettings() {}
}
