package org.taizhang.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logins, failed logins and logouts, from Spring Security's events.
 *
 * <p>Only the interactive success event counts as a login: HTTP Basic and API-token requests
 * authenticate on every request and publish the plain success event, which would otherwise bury the
 * trail under one row per request. Failures are recorded whatever the mechanism, since repeated
 * failures are what an administrator looks for.
 */
@Component
class AuthenticationAuditListener {
  private final AuditLog audit;

  AuthenticationAuditListener(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void loggedIn(InteractiveAuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    audit.record(auth.getName(), address(auth), AuditAction.LOGIN, null, null);
  }

  @EventListener
  void loginFailed(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    String reason = event.getException().getClass().getSimpleName();
    // Only a user name typed into a login form is safe to keep: for other credentials getName() may
    // be the secret itself (a bearer token's principal is the token).
    if (auth instanceof UsernamePasswordAuthenticationToken) {
      audit.record(auth.getName(), address(auth), AuditAction.LOGIN_FAILED, null, reason);
    } else {
      audit.record(
          null,
          address(auth),
          AuditAction.LOGIN_FAILED,
          null,
          reason + "（" + auth.getClass().getSimpleName() + "）");
    }
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    audit.record(auth.getName(), address(auth), AuditAction.LOGOUT, null, null);
  }

  /**
   * The address Spring Security noted when the credentials arrived: the same remote address the
   * request shows, and available even where the request is not bound to the thread.
   */
  private static String address(Authentication auth) {
    if (auth.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null) {
      return details.getRemoteAddress();
    }
    return null;
  }
}
