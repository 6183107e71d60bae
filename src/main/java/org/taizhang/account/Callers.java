package org.taizhang.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.taizhang.access.Caller;

/**
 * The {@link Caller} of the current request, read fresh from the database each time so that a
 * changed role, unit or a disabled account takes effect at once, not at the next login.
 */
@Component
class Callers {
  private final AccountService accounts;

  Callers(AccountService accounts) {
    this.accounts = accounts;
  }

  public Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof AccountUserDetails details)) {
      throw new AccessDeniedException("not signed in");
    }
    Account account =
        accounts
            .find(details.getUsername())
            .filter(Account::enabled)
            .orElseThrow(() -> new AccessDeniedException("account disabled"));
    return accounts.caller(account);
  }
}
