package org.taizhang.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.Pages;

/** “我的账号”: who one is, changing one's own password, and personal API tokens for scripts. */
@Controller
class AccountPageController {
  private final AccountService accounts;
  private final AuthenticationManager authentication;
  private final UnitRepository units;

  AccountPageController(
      AccountService accounts, AuthenticationManager authentication, UnitRepository units) {
    this.accounts = accounts;
    this.authentication = authentication;
    this.units = units;
  }

  @GetMapping("/account")
  String account(Caller caller, Model model) {
    // The caller resolver has just found the account enabled; it can only be missing if deleted in
    // between.
    Account account = accounts.find(caller.username()).orElseThrow();
    model.addAttribute("account", account);
    model.addAttribute(
        "unit", account.unitCode() == null ? null : units.find(account.unitCode()).orElse(null));
    model.addAttribute("email", accounts.email(caller.username()).orElse(""));
    model.addAttribute("tokens", accounts.tokens(caller.username()));
    model.addAttribute("minPasswordLength", AccountService.MIN_PASSWORD_LENGTH);
    return "account";
  }

  /**
   * The current password is checked by the same authentication manager as the login form, so a
   * wrong one counts towards the login throttle: this form is no side door for guessing.
   */
  @PostMapping("/account/password")
  String changePassword(
      @RequestParam(name = "current", required = false) String current,
      @RequestParam(name = "password", required = false) String password,
      @RequestParam(name = "confirm", required = false) String confirm,
      Caller caller,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      UsernamePasswordAuthenticationToken token =
          UsernamePasswordAuthenticationToken.unauthenticated(
              caller.username(), current == null ? "" : current);
      token.setDetails(new WebAuthenticationDetails(request));
      authentication.authenticate(token);
    } catch (LockedException e) {
      // The throttle's message says how long to wait; other lock reasons are not for display.
      String m = e.getMessage();
      Pages.flash(redirect, "error", m != null && m.startsWith("登录失败次数过多") ? m : "当前密码不正确");
      return "redirect:/account";
    } catch (AuthenticationException e) {
      Pages.flash(redirect, "error", "当前密码不正确");
      return "redirect:/account";
    }
    if (password == null || !password.equals(confirm)) {
      Pages.flash(redirect, "error", "两次输入的新密码不一致");
      return "redirect:/account";
    }
    if (password.equals(current)) {
      Pages.flash(redirect, "error", "新密码不能与当前密码相同");
      return "redirect:/account";
    }
    try {
      accounts.setPassword(caller.username(), caller.username(), password);
      Pages.flash(redirect, "success", "密码已修改，下次登录请使用新密码");
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/account";
  }

  /** Where reminders (digests) are mailed; blank clears it. */
  @PostMapping("/account/email")
  String changeEmail(
      @RequestParam(name = "email", required = false) String email,
      Caller caller,
      RedirectAttributes redirect) {
    try {
      accounts.setEmail(caller.username(), caller.username(), email);
      Pages.flash(
          redirect,
          "success",
          email == null || email.isBlank() ? "已清除邮箱，不再发送提醒邮件" : "邮箱已保存，提醒摘要将发送到该地址");
    } catch (AccountService.AccountException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/account#email-heading";
  }

  /** The token is shown once, on the page this redirects to; only its hash is kept. */
  @PostMapping("/account/tokens")
  String createToken(
      @RequestParam(name = "label", required = false) String label,
      Caller caller,
      RedirectAttributes redirect) {
    String clipped =
        label == null
            ? null
            : label.strip().length() > 100 ? label.strip().substring(0, 100) : label.strip();
    String token = accounts.createToken(caller.username(), clipped);
    redirect.addFlashAttribute("newToken", token);
    Pages.flash(redirect, "success", "已创建令牌，请立即复制保存");
    return "redirect:/account#tokens-heading";
  }

  @PostMapping("/account/tokens/{hash}/revoke")
  String revokeToken(
      @PathVariable("hash") String hash, Caller caller, RedirectAttributes redirect) {
    if (accounts.revokeToken(caller.username(), hash)) {
      Pages.flash(redirect, "success", "令牌已吊销，使用它的脚本将无法再访问");
    } else {
      Pages.flash(redirect, "error", "没有找到该令牌，可能已被吊销");
    }
    return "redirect:/account#tokens-heading";
  }
}
