package org.taizhang.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.taizhang.access.Role;

/**
 * Where a person lands after signing in: the page they asked for when they were sent to sign in,
 * else their work. A unit's clerk works from the to-do list (returned material, the unit's
 * checklist, uploading); everybody else from the search page. Opening the site's address is no
 * request for the search page, so a clerk who does so still lands on the to-do list.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
  static final String CLERK_HOME = "/todo";

  private final RequestCache requests = new HttpSessionRequestCache();

  LandingPage() {
    setRequestCache(requests);
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws ServletException, IOException {
    SavedRequest saved = requests.getRequest(request, response);
    if (saved != null && isSiteRoot(saved.getRedirectUrl())) {
      requests.removeRequest(request, response);
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  protected String determineTargetUrl(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    boolean clerk =
        authentication.getAuthorities().stream()
            .anyMatch(a -> ("ROLE_" + Role.CLERK.name()).equals(a.getAuthority()));
    return clerk ? CLERK_HOME : super.determineTargetUrl(request, response, authentication);
  }

  private static boolean isSiteRoot(String url) {
    try {
      URI u = URI.create(url);
      // The request cache marks what it saved with ?continue; that is no part of what was asked
      // for.
      return (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/"))
          && (u.getQuery() == null || u.getQuery().equals("continue"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
