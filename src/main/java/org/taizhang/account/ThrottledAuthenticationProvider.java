package org.taizhang.account;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password authentication (form and HTTP Basic) behind the {@link LoginThrottle}. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {
  /** Refused because of too many failures; the message says how long to wait. */
  static class TooManyAttemptsException extends LockedException {
    TooManyAttemptsException(Duration wait) {
      super("登录失败次数过多，请 " + Math.max(1, (wait.toSeconds() + 59) / 60) + " 分钟后再试");
    }
  }

  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(
      AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    super(users);
    setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : "-";
    Duration wait = throttle.waitFor(username, address);
    if (!wait.isZero() && !wait.isNegative()) {
      throw new TooManyAttemptsException(wait);
    }
    try {
      Authentication result = super.authenticate(authentication);
      throttle.succeeded(username);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(username, address);
      throw e;
    }
  }
}
