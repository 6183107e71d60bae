package org.taizhang.remind;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.taizhang.node.Leases;

/**
 * Calls {@link Reminders#sweep} every {@code taizhang.reminders.sweep-every} (a minute) while the
 * web service runs; operator commands send nothing. The interval only says how often to look: what
 * is due is decided by the office's clock inside the sweep, so a test drives the sweep itself. With
 * several nodes over one database, the node that holds the {@code reminders} lease sweeps; the
 * others look again at each tick and take over once its lease lapses.
 */
@Component
@ConditionalOnWebApplication
class ReminderTicker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ReminderTicker.class);

  private final Reminders reminders;
  private final Duration every;
  private final Leases leases;
  private ScheduledExecutorService executor;

  ReminderTicker(Reminders reminders, ReminderSettings settings, Leases leases) {
    this.leases = leases;
    this.reminders = reminders;
    this.every = settings.sweepEvery();
  }

  @Override
  public synchronized void start() {
    if (executor != null || every.isZero() || every.isNegative()) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reminders");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    executor.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      if (leases.claim("reminders")) {
        reminders.sweep();
      }
    } catch (RuntimeException e) {
      // The next tick tries again; a failure must not end the schedule.
      log.error("提醒检查失败", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
