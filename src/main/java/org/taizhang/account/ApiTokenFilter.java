package org.taizhang.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.web.ApiErrors;

/**
 * Authenticates scripts by {@code Authorization: Bearer tz_…}; an unknown token is answered with
 * 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {
  private final AccountService accounts;
  private final AccountUserDetailsService users;
  private final AuditLog audit;

  ApiTokenFilter(AccountService accounts, AccountUserDetailsService users, AuditLog audit) {
    this.accounts = accounts;
    this.users = users;
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      var owner = accounts.tokenOwner(header.substring(7).strip());
      var details = owner.map(users::loadUserByUsername).filter(u -> u.isEnabled());
      if (details.isEmpty()) {
        audit.record(null, AuditAction.LOGIN_FAILED, null, "令牌无效或已吊销");
        ApiErrors.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "令牌无效或已吊销");
        return;
      }
      var auth =
          UsernamePasswordAuthenticationToken.authenticated(
              details.get(), null, details.get().getAuthorities());
      SecurityContextHolder.getContext().setAuthentication(auth);
    }
    chain.doFilter(request, response);
  }
}
