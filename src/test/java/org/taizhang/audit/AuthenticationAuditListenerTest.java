package org.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Spring Security's events, published as the framework publishes them, end up in the trail. */
class AuthenticationAuditListenerTest extends AuditTestSupport {
  @Autowired ApplicationEventPublisher events;

  @Test
  void formLoginIsRecordedWithTheAddressTheCredentialsCameFrom() {
    UsernamePasswordAuthenticationToken auth =
        UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());
    auth.setDetails(new WebAuthenticationDetails("198.51.100.7", "session-1"));
    events.publishEvent(
        new InteractiveAuthenticationSuccessEvent(
            auth, UsernamePasswordAuthenticationFilter.class));

    List<AuditEvent> trail = audit.find(all());
    assertThat(trail).hasSize(1);
    assertThat(trail.get(0).action()).isEqualTo(AuditAction.LOGIN);
    assertThat(trail.get(0).actor()).isEqualTo("alice");
    assertThat(trail.get(0).address()).isEqualTo("198.51.100.7");
  }

  @Test
  void perRequestAuthenticationIsNotALogin() {
    // What HTTP Basic and API tokens produce on every request.
    UsernamePasswordAuthenticationToken auth =
        UsernamePasswordAuthenticationToken.authenticated("script", null, List.of());
    events.publishEvent(new AuthenticationSuccessEvent(auth));
    events.publishEvent(new AuthenticationSuccessEvent(auth));

    assertThat(audit.count(all())).isZero();
  }

  @Test
  void failedLoginRecordsTheAttemptedNameAndTheReason() {
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess");
    attempt.setDetails(new WebAuthenticationDetails("203.0.113.5", null));
    events.publishEvent(
        new AuthenticationFailureBadCredentialsEvent(
            attempt, new BadCredentialsException("用户名或密码错误")));
    events.publishEvent(
        new AuthenticationFailureDisabledEvent(
            UsernamePasswordAuthenticationToken.unauthenticated("olduser", "pw"),
            new DisabledException("disabled")));

    List<AuditEvent> trail = audit.find(all());
    assertThat(trail).extracting(AuditEvent::action).containsOnly(AuditAction.LOGIN_FAILED);
    assertThat(trail)
        .extracting(AuditEvent::actor, AuditEvent::address, AuditEvent::detail)
        .containsExactly(
            Tuple.tuple("olduser", "本机", "DisabledException"),
            Tuple.tuple("mallory", "203.0.113.5", "BadCredentialsException"));
    assertThat(trail).allSatisfy(e -> assertThat(e.detail()).doesNotContain("guess", "pw"));
  }

  @Test
  void failedTokenAuthenticationDoesNotRecordTheToken() {
    events.publishEvent(
        new AuthenticationFailureBadCredentialsEvent(
            new BearerLike("tz_secret_token_value"), new BadCredentialsException("unknown token")));

    List<AuditEvent> trail = audit.find(all());
    assertThat(trail).hasSize(1);
    AuditEvent e = trail.get(0);
    assertThat(e.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    assertThat(e.actor()).isEqualTo("未知");
    assertThat(e.detail()).startsWith("BadCredentialsException").contains("BearerLike");
    assertThat(String.join("|", e.actor(), e.address(), String.valueOf(e.target()), e.detail()))
        .doesNotContain("tz_secret_token_value");
  }

  @Test
  void logoutIsRecorded() {
    UsernamePasswordAuthenticationToken auth =
        UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());
    events.publishEvent(new LogoutSuccessEvent(auth));

    assertThat(audit.find(all()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.LOGOUT);
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.address()).isEqualTo("本机");
            });
  }

  /** An authentication whose name is the credential itself, as a bearer token's is. */
  private static final class BearerLike extends AbstractAuthenticationToken {
    private final String token;

    BearerLike(String token) {
      super(List.of());
      this.token = token;
    }

    @Override
    public Object getCredentials() {
      return token;
    }

    @Override
    public Object getPrincipal() {
      return token;
    }
  }
}
