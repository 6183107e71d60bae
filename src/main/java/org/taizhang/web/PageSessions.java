package org.taizhang.web;

import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sessions exist only to carry the upload page's flash message across its redirect. Without this,
 * the servlet container falls back to URL rewriting for a browser that has no session cookie yet,
 * and the first redirect after an upload lands on {@code /documents/7;jsessionid=…}: the session id
 * ends up in the address bar, in bookmarks and in proxy logs. Cookie-only tracking avoids that.
 * (Equivalent to {@code server.servlet.session.tracking-modes=cookie}.)
 */
@Configuration(proxyBeanMethods = false)
class PageSessions {
  @Bean
  ServletContextInitializer cookieOnlySessions() {
    return servletContext -> servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
  }
}
