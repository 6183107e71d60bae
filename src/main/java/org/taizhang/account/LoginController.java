package org.taizhang.account;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. */
@Controller
class LoginController {
  @GetMapping("/login")
  String login(
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout,
      HttpSession session,
      Model model) {
    if (error != null) {
      Object e = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute(
          "error",
          e instanceof LockedException locked
                  && locked.getMessage() != null
                  && locked.getMessage().startsWith("登录失败次数过多")
              ? locked.getMessage()
              : "用户名或密码错误，或账号已停用");
    }
    if (logout != null) {
      model.addAttribute("notice", "已退出登录");
    }
    return "login";
  }
}
