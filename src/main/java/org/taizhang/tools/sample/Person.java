package org.taizhang.tools.sample;

/** Someone on a unit's staff list: a fictional name and the post written after it in records. */
record Person(String name, String title) {

  /** How rosters in leading-group notices write a member: 姓名（职务）. */
  String withTitle() {
    return name + "（" + title + "）";
  }
}
