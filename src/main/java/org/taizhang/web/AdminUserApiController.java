package org.taizhang.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.account.AccountService;
import org.taizhang.access.Caller;

/** Accounts for administrators' scripts: lifting a sign-in lock. Only administrators reach /api/admin/** (security configuration). */
@RestController
class AdminUserApiController {
  private final AccountService accounts;

  AdminUserApiController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** The answer to an unlock: whether the account was refused until now. */
  record Unlocked(String username, boolean wasLocked) {}

  @PostMapping("/api/admin/users/{username}/unlock")
  ResponseEntity<?> unlock(@PathVariable("username") String username, Caller caller) {
    try {
      return ResponseEntity.ok(new Unlocked(username, accounts.unlock(caller.username(), username)));
    } catch (AccountService.AccountException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", e.getMessage()));
    }
  }
}
