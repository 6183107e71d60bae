package org.taizhang.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.taizhang.account.Caller;
import org.taizhang.account.Role;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.report.ReportRequests;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * A clerk's start page is the to-do list (where sign-in lands a clerk): above what was returned,
 * the unit's own checklist at a glance — how many items are still missing this year — with the way
 * to the full checklist and to uploading.
 *
 * @param missing items still missing in {@code year}, or null when no evaluation system covers the unit then
 */
record ClerkHome(String unitCode, String unitName, Integer year, Integer missing) {

  /** Adds {@code clerkHome} to the to-do page of a clerk. */
  @ControllerAdvice(assignableTypes = ReviewPageController.class)
  static final class Advice {
    private final CompletenessService completeness;
    private final UnitRepository units;
    private final Clock clock;

    Advice(CompletenessService completeness, UnitRepository units, Clock clock) {
      this.completeness = completeness;
      this.units = units;
      this.clock = clock;
    }

    @ModelAttribute
    void clerkHome(HttpServletRequest request, Caller caller, Model model) {
      if (!"GET".equals(request.getMethod()) || !"/todo".equals(request.getServletPath())
          || caller.role() != Role.CLERK || caller.unitCode() == null) {
        return;
      }
      Optional<Unit> unit = units.find(caller.unitCode());
      if (unit.isEmpty()) {
        return;
      }
      Integer year = ReportRequests.defaultYear(completeness.years(), LocalDate.now(clock)).orElse(null);
      Integer missing = year == null ? null : completeness.unit(unit.get().code(), year)
          .map(ClerkHome::missingItems).orElse(null);
      model.addAttribute("clerkHome", new ClerkHome(unit.get().code(), unit.get().name(), year, missing));
    }
  }

  private static Integer missingItems(UnitCompleteness c) {
    return c.indicators().stream().mapToInt(r -> r.missing().size()).sum();
  }
}
