package org.taizhang.account;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;
import org.taizhang.web.Pages;

/**
 * Administrators manage accounts: list, create, change role/unit/enabled, set a new password. Only
 * administrators reach {@code /admin/**} (security configuration); the rules for a valid account
 * are {@link AccountService}'s, whose messages are shown as they are.
 */
@Controller
class AdminUserPageController {
  private final AccountService accounts;
  private final UnitRepository units;

  AdminUserPageController(AccountService accounts, UnitRepository units) {
    this.accounts = accounts;
    this.units = units;
  }

  /** What the create form held, so a rejected form comes back filled in (the password excepted). */
  record NewUserForm(String username, String displayName, String role, String unit)
      implements Serializable {
    static final NewUserForm EMPTY = new NewUserForm("", "", Role.CLERK.name(), "");
  }

  /** {@code ?edit=username} opens that account's edit panel. */
  @GetMapping("/admin/users")
  String users(
      @RequestParam(name = "edit", required = false) String edit, Caller caller, Model model) {
    List<Unit> all = units.findAll();
    Map<String, String> unitNames = new HashMap<>();
    all.forEach(u -> unitNames.put(u.code(), u.name()));
    List<Account> everyone = accounts.all();
    model.addAttribute("accounts", everyone);
    // Accounts refused after repeated failed sign-ins, with the minutes left: the administrator may
    // lift that at once.
    Map<String, Long> locked = new HashMap<>();
    for (Account a : everyone) {
      Duration wait = accounts.lockedFor(a.username());
      if (!wait.isZero() && !wait.isNegative()) {
        locked.put(a.username(), Math.max(1, (wait.toSeconds() + 59) / 60));
      }
    }
    model.addAttribute("locked", locked);
    model.addAttribute("unitNames", unitNames);
    model.addAttribute(
        "inactiveUnits",
        all.stream().filter(u -> !u.active()).map(Unit::code).collect(Collectors.toSet()));
    model.addAttribute("unitOptions", new UnitTree(all).depthFirst());
    model.addAttribute("roles", Role.values());
    model.addAttribute("minPasswordLength", AccountService.MIN_PASSWORD_LENGTH);
    model.addAttribute("me", caller.username());
    if (!model.containsAttribute("newUser")) {
      model.addAttribute("newUser", NewUserForm.EMPTY);
    }
    Optional<Account> editing = edit == null ? Optional.empty() : accounts.find(edit);
    model.addAttribute("editing", editing.orElse(null));
    if (edit != null && editing.isEmpty()) {
      model.addAttribute("flash", "没有这个用户：" + edit);
      model.addAttribute("flashKind", "error");
    }
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam(name = "username", required = false) String username,
      @RequestParam(name = "displayName", required = false) String displayName,
      @RequestParam(name = "role", required = false) String role,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "password", required = false) String password,
      Caller caller,
      RedirectAttributes redirect) {
    String name = username == null ? null : username.strip();
    try {
      Account a = accounts.create(caller.username(), name, displayName, role(role), unit, password);
      Pages.flash(redirect, "success", "已创建用户 " + a.username() + "（" + a.role().label() + "）");
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
      redirect.addFlashAttribute("newUser", new NewUserForm(name, displayName, role, unit));
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}")
  String update(
      @PathVariable("username") String username,
      @RequestParam(name = "displayName", required = false) String displayName,
      @RequestParam(name = "role", required = false) String role,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "enabled", required = false) String enabled,
      Caller caller,
      RedirectAttributes redirect) {
    boolean on = enabled != null && !enabled.isBlank() && !"false".equals(enabled);
    try {
      Role r = role(role);
      // An administrator who disables or demotes themselves may leave nobody able to undo it.
      if (username.equals(caller.username()) && (!on || r != Role.ADMIN)) {
        throw new AccountService.AccountException("不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作");
      }
      Account a = accounts.update(caller.username(), username, displayName, r, unit, on);
      Pages.flash(redirect, "success", "已保存用户 " + a.username() + (a.enabled() ? "" : "（已停用）"));
      return "redirect:/admin/users";
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
      return "redirect:" + editLink(username);
    }
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(
      @PathVariable("username") String username,
      @RequestParam(name = "password", required = false) String password,
      Caller caller,
      RedirectAttributes redirect) {
    try {
      accounts.setPassword(caller.username(), username, password);
      Pages.flash(redirect, "success", "已为 " + username + " 设置新密码，请通过安全途径告知本人");
      return "redirect:/admin/users";
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
      return "redirect:" + editLink(username);
    }
  }

  /** Lifts the refusal after repeated failed sign-ins, so the person can sign in again at once. */
  @PostMapping("/admin/users/{username}/unlock")
  String unlock(
      @PathVariable("username") String username, Caller caller, RedirectAttributes redirect) {
    try {
      boolean wasLocked = accounts.unlock(caller.username(), username);
      Pages.flash(
          redirect,
          "success",
          wasLocked ? "已解除 " + username + " 的登录锁定，可立即重新登录" : username + " 当前未被锁定");
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  private static Role role(String name) {
    try {
      return Role.valueOf(name == null ? "" : name.strip());
    } catch (IllegalArgumentException e) {
      throw new AccountService.AccountException("请选择角色");
    }
  }

  /** Encoded, so an odd user name in the path cannot break out of the query string. */
  private static String editLink(String username) {
    return UriComponentsBuilder.fromPath("/admin/users")
            .queryParam("edit", username)
            .encode()
            .build()
            .toUriString()
        + "#edit-user";
  }
}
