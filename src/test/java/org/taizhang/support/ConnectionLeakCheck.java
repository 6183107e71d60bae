package org.taizhang.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails the test after which a database connection stays out of the pool. Registered for every
 * Spring test context (META-INF/spring.factories); the tests' configuration turns on Hikari's leak
 * detection, whose reports (the stack of whoever took the connection) this check quotes.
 *
 * <p>Background work (completeness updates, thumbnails, OCR) borrows connections briefly, so the
 * check waits until the pool has been seen empty once; a leaked connection never comes back, so it
 * never is.
 */
public final class ConnectionLeakCheck implements TestExecutionListener, Ordered {
  /**
   * Longer than the tests' leak-detection threshold, so a leak has been reported with its stack by
   * then.
   */
  static final Duration GRACE = Duration.ofSeconds(10);

  private static final String LEAK_LOGGER = "com.zaxxer.hikari.pool.ProxyLeakTask";

  @Override
  public int getOrder() {
    // after Spring's own listeners have run the test's after-methods (a test may close what it
    // borrowed there)
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    LeakReports.installed().clear();
  }

  @Override
  public void afterTestMethod(TestContext testContext) throws Exception {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    Map<String, HikariDataSource> pools = context.getBeansOfType(HikariDataSource.class);
    for (Map.Entry<String, HikariDataSource> e : pools.entrySet()) {
      HikariPoolMXBean pool = e.getValue().getHikariPoolMXBean();
      if (pool == null || e.getValue().isClosed()) {
        continue;
      }
      int inUse = awaitEmpty(pool);
      if (inUse > 0) {
        throw new AssertionError(
            testContext.getTestMethod().getName()
                + " 之后连接池 "
                + e.getKey()
                + " 仍有 "
                + inUse
                + " 个连接未归还（"
                + GRACE.toSeconds()
                + " 秒内未见连接池空闲）。"
                + LeakReports.installed().describe());
      }
    }
  }

  /** Active connections at the end of the grace period, or 0 as soon as the pool is seen empty. */
  private static int awaitEmpty(HikariPoolMXBean pool) throws InterruptedException {
    long deadline = System.nanoTime() + GRACE.toNanos();
    int active = pool.getActiveConnections();
    while (active > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      active = pool.getActiveConnections();
    }
    return active;
  }

  /** Hikari's leak reports since the current test began, kept by an appender on its leak logger. */
  static final class LeakReports extends AppenderBase<ILoggingEvent> {
    private final List<String> reports = new ArrayList<>();

    static LeakReports installed() {
      Logger logger = (Logger) LoggerFactory.getLogger(LEAK_LOGGER);
      synchronized (LeakReports.class) {
        if (logger.getAppender(LeakReports.class.getName()) instanceof LeakReports existing) {
          return existing;
        }
        LeakReports appender = new LeakReports();
        appender.setName(LeakReports.class.getName());
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        return appender;
      }
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
      StringBuilder b = new StringBuilder(event.getFormattedMessage());
      IThrowableProxy t = event.getThrowableProxy();
      if (t != null) {
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          String line = frame.getSTEAsString();
          if (line.contains("org.taizhang")) {
            b.append("\n    ").append(line);
          }
        }
      }
      reports.add(b.toString());
    }

    synchronized void clear() {
      reports.clear();
    }

    synchronized String describe() {
      return reports.isEmpty() ? "（尚无泄漏报告）" : "泄漏报告：\n" + String.join("\n", reports);
    }
  }
}
