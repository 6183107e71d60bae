package org.taizhang.tools.sample;

import java.util.Set;

/**
 * What a unit keeps beyond the standard yearly set.
 *
 * @param rules2024 standing rules (管理制度) issued in 2024; rules are not renewed every year
 * @param rulesRevised2025 the rules were revised and reissued in 2025
 * @param briefingYears years with a 工作简报 text file
 * @param secondPhotoYears years in which the second activity was photographed too
 */
record LedgerExtras(
    boolean rules2024,
    boolean rulesRevised2025,
    Set<Integer> briefingYears,
    Set<Integer> secondPhotoYears) {

  static final LedgerExtras NONE = new LedgerExtras(false, false, Set.of(), Set.of());
}
