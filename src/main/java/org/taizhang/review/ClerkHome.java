package org.taizhang.review;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.caption.PhotoCaptions;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * A clerk's start page is the to-do list (where sign-in lands a clerk): above what was returned,
 * the unit's own checklist at a glance — how many items are still missing this year and the first
 * of them — with the way to the full checklist and to uploading.
 *
 * @param missing items still missing in {@code year}, or null when no evaluation system covers the
 *     unit then
 * @param first the first {@value #SHOWN} missing items, in checklist order, each with its indicator
 * @param uncaptioned the unit's photos of the year whose caption lacks 时间, 地点, 人物 or 事由
 */
record ClerkHome(
    String unitCode,
    String unitName,
    Integer year,
    Integer missing,
    List<Item> first,
    List<PhotoCaptions.Uncaptioned> uncaptioned) {
  static final int SHOWN = 8;

  /** A missing item under the code of its indicator. */
  record Item(String indicator, String text) {}

  /** Adds {@code clerkHome} to the to-do page of a clerk. */
  @ControllerAdvice(assignableTypes = ReviewPageController.class)
  static final class Advice {
    private final CompletenessService completeness;
    private final UnitRepository units;
    private final PhotoCaptions captions;

    Advice(CompletenessService completeness, UnitRepository units, PhotoCaptions captions) {
      this.completeness = completeness;
      this.units = units;
      this.captions = captions;
    }

    @ModelAttribute
    void clerkHome(HttpServletRequest request, Caller caller, Model model) {
      if (!"GET".equals(request.getMethod())
          || !"/todo".equals(request.getServletPath())
          || caller.role() != Role.CLERK
          || caller.unitCode() == null) {
        return;
      }
      Optional<Unit> unit = units.find(caller.unitCode());
      if (unit.isEmpty()) {
        return;
      }
      Integer year = completeness.defaultYear().orElse(null);
      Optional<UnitCompleteness> verdict =
          year == null ? Optional.empty() : completeness.unit(unit.get().code(), year);
      List<Item> first =
          verdict
              .map(
                  c ->
                      c.indicators().stream()
                          .flatMap(r -> r.missing().stream().map(m -> new Item(r.code(), m.text())))
                          .limit(SHOWN)
                          .toList())
              .orElse(List.of());
      model.addAttribute(
          "clerkHome",
          new ClerkHome(
              unit.get().code(),
              unit.get().name(),
              year,
              verdict.map(ClerkHome::missingItems).orElse(null),
              first,
              // This year's and last year's: an inspection early in a year looks at the year
              // before.
              year == null ? List.of() : captions.uncaptioned(unit.get().code(), year - 1, year)));
    }
  }

  private static Integer missingItems(UnitCompleteness c) {
    return c.indicators().stream().mapToInt(r -> r.missing().size()).sum();
  }
}
