package org.taizhang.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * What an activity photo shows, as printed under it in a binder: 时间, 地点, 人物 and 事由. A part nobody
 * knows yet is null.
 */
public record PhotoCaption(String time, String place, String people, String subject) {
  public static final PhotoCaption EMPTY = new PhotoCaption(null, null, null, null);

  public PhotoCaption {
    time = blankToNull(time);
    place = blankToNull(place);
    people = blankToNull(people);
    subject = blankToNull(subject);
  }

  /** The parts still missing, by their labels (时间, 地点, 人物, 事由). */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (time == null) {
      out.add("时间");
    }
    if (place == null) {
      out.add("地点");
    }
    if (people == null) {
      out.add("人物");
    }
    if (subject == null) {
      out.add("事由");
    }
    return out;
  }

  public boolean complete() {
    return missing().isEmpty();
  }

  /** The lines printed under the photo, one per known part. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    add(out, "时间", time);
    add(out, "地点", place);
    add(out, "人物", people);
    add(out, "事由", subject);
    return out;
  }

  private static void add(List<String> out, String label, String value) {
    if (value != null) {
      out.add(label + "：" + value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
