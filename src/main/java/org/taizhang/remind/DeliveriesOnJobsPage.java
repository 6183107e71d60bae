package org.taizhang.remind;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the outbox's unsent sendings (pending with their next try, given up, each with attempts and
 * last error) to 后台任务, whose other jobs live in memory only.
 */
@ControllerAdvice
class DeliveriesOnJobsPage {
  private final Outbox outbox;

  DeliveriesOnJobsPage(Outbox outbox) {
    this.outbox = outbox;
  }

  @ModelAttribute
  void deliveries(HttpServletRequest request, Model model) {
    if ("GET".equals(request.getMethod()) && "/admin/jobs".equals(request.getServletPath())) {
      model.addAttribute("deliveries", outbox.unsent(100));
      model.addAttribute("deliveriesPending", outbox.count(Delivery.State.PENDING));
      model.addAttribute("deliveriesFailed", outbox.count(Delivery.State.FAILED));
    }
  }
}
