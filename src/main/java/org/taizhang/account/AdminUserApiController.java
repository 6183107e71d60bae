package org.taizhang.account;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.web.NotFoundException;

/**
 * Accounts for administrators' scripts: lifting a sign-in lock. Only administrators reach
 * /api/admin/** (security configuration).
 */
@RestController
class AdminUserApiController {
  private final AccountService accounts;

  AdminUserApiController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** The answer to an unlock: whether the account was refused until now. */
  record Unlocked(String username, boolean wasLocked) {}

  @PostMapping("/api/admin/users/{username}/unlock")
  Unlocked unlock(@PathVariable("username") String username, Caller caller) {
    try {
      return new Unlocked(username, accounts.unlock(caller.username(), username));
    } catch (AccountService.AccountException e) {
      throw new NotFoundException(e.getMessage());
    }
  }
}
