package org.taizhang.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing and checking, needed by the web service and by the operator commands alike (the
 * first administrator is created by whichever starts first).
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {
  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt today; stored hashes carry their algorithm, so a stronger default can come later
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      AccountUserDetailsService users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      ApplicationEventPublisher publisher) {
    ProviderManager manager =
        new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle));
    DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
    // the throttle's own refusals are failures too; the default publisher knows only Spring's
    // exceptions
    events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }
}
