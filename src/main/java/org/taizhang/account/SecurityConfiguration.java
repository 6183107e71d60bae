package org.taizhang.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.taizhang.audit.AuditLog;
import org.taizhang.web.ApiErrors;

/**
 * Who may reach which route. Role checks live here; scope checks (which units) live where data is
 * read, so that a document outside the caller's scope is simply not found.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final RequestMatcher API =
      request ->
          request.getRequestURI().startsWith("/api/")
              || request.getRequestURI().startsWith("/actuator/");

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AccountService accounts,
      AccountUserDetailsService users,
      AuthenticationManager authenticationManager,
      AuditLog audit)
      throws Exception {
    String[] reviewers = {"ADMIN", "DISTRICT", "REVIEWER"};
    String[] handIn = {"ADMIN", "CLERK"};
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/admin/**", "/api/admin/**", "/actuator/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/documents", "/upload")
                    .hasAnyRole(handIn)
                    .requestMatchers(HttpMethod.GET, "/upload", "/recycle-bin", "/api/recycle-bin")
                    .hasAnyRole(handIn)
                    .requestMatchers(HttpMethod.DELETE, "/api/documents/*")
                    .hasAnyRole(handIn)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/documents/*/restore",
                        "/documents/*/delete",
                        "/documents/*/restore")
                    .hasAnyRole(handIn)
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/documents/*/review",
                        "/documents/*/review",
                        "/api/documents/*/comments",
                        "/documents/*/comments")
                    .hasAnyRole(reviewers)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(new LandingPage())
                    .failureUrl("/login?error")
                    .permitAll())
        .httpBasic(b -> b.realmName("Taizhang").authenticationEntryPoint(apiEntryPoint()))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .defaultAccessDeniedHandlerFor(apiAccessDenied(), API)
                    .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                    .frameOptions(f -> f.deny()))
        .addFilterBefore(
            new ApiTokenFilter(accounts, users, audit), BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Forms in the browser carry a CSRF token. Scripts that authenticate every request themselves
   * (HTTP Basic, bearer token) cannot be tricked by another site into sending those credentials, so
   * they need none; a request riding on the session cookie always does.
   */
  private static boolean needsCsrf(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod())
        && request.getHeader("Authorization") == null;
  }

  private static AuthenticationEntryPoint apiEntryPoint() {
    return (request, response, e) -> {
      // RFC 7617: user names and passwords are sent as UTF-8 (张三), and clients are told so.
      response.setHeader("WWW-Authenticate", "Basic realm=\"Taizhang\", charset=\"UTF-8\"");
      ApiErrors.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "UNAUTHENTICATED",
          "请先登录（HTTP Basic 或 Bearer 令牌）");
    };
  }

  private static AccessDeniedHandler apiAccessDenied() {
    return (request, response, e) ->
        ApiErrors.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "当前账号无权执行此操作");
  }
}
