package org.taizhang.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.node.Leases;

/**
 * The jobs of this run of the service: running ones and the most recent finished ones, for the
 * administrators' page. Background jobs run one per name at a time across the nodes over the
 * database (a lease on {@code job:<name>}), on their own threads at the background priority, and
 * log their progress every few seconds as well.
 */
@Component
public class Jobs implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final int KEEP = 20;
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final AtomicLong ids = new AtomicLong();

  /** Newest first; guarded by itself. */
  private final Deque<Job> recent = new ArrayDeque<>();

  private final List<Thread> threads = new ArrayList<>();

  private final Leases leases;
  private final int backgroundNice;

  Jobs(Leases leases, TaizhangProperties properties) {
    this.leases = leases;
    this.backgroundNice = properties.backgroundNice();
  }

  /** Registers a job run by the caller on its own thread. */
  public Job start(String name, String startedBy) {
    Job job = new Job(ids.incrementAndGet(), name, startedBy);
    synchronized (recent) {
      recent.addFirst(job);
      while (recent.size() > KEEP && recent.peekLast().state() != Job.State.RUNNING) {
        recent.removeLast();
      }
    }
    return job;
  }

  /**
   * Runs {@code work} in the background unless a job of the same name is running; {@code work}
   * returns the one-line outcome. Empty when refused.
   */
  public Optional<Job> submit(String name, String startedBy, Function<Job, String> work) {
    Job job;
    synchronized (recent) {
      if (running(name).isPresent() || !leases.claim(lease(name))) {
        return Optional.empty();
      }
      job = start(name, startedBy);
    }
    Thread t =
        new Thread(
            BackgroundPriority.lowered(backgroundNice, () -> run(job, name, work)),
            "job-" + job.id());
    t.setDaemon(true);
    synchronized (threads) {
      threads.removeIf(x -> !x.isAlive());
      threads.add(t);
    }
    t.start();
    return Optional.of(job);
  }

  private void run(Job job, String name, Function<Job, String> work) {
    Thread logger = new Thread(() -> logWhileRunning(job, name), "job-" + job.id() + "-log");
    logger.setDaemon(true);
    logger.start();
    try {
      job.finish(work.apply(job));
      log.info("{}完成：{}", name, job.view().outcome());
    } catch (RuntimeException e) {
      job.fail(e.getMessage() == null ? e.toString() : e.getMessage());
      log.error("{}失败", name, e);
    } finally {
      logger.interrupt();
      leases.release(lease(name));
    }
  }

  private static String lease(String name) {
    return "job:" + name;
  }

  private static void logWhileRunning(Job job, String name) {
    try {
      while (job.state() == Job.State.RUNNING) {
        Thread.sleep(LOG_EVERY_NANOS / 1_000_000);
        JobView v = job.view();
        if (v.state() == Job.State.RUNNING && v.total() > 0) {
          log.info(
              "{}：{}/{}（{}%），{} 个/秒，剩余 {}",
              name,
              v.done(),
              v.total(),
              v.percent(),
              String.format("%.1f", v.perSecond()),
              JobView.format(v.left()));
        }
      }
    } catch (InterruptedException e) {
      // the job ended
    }
  }

  /** The running job of that name, if any. */
  public Optional<JobView> running(String name) {
    synchronized (recent) {
      return recent.stream()
          .filter(j -> j.state() == Job.State.RUNNING)
          .map(Job::view)
          .filter(v -> v.name().equals(name))
          .findFirst();
    }
  }

  /** Running and recent jobs, newest first. */
  public List<JobView> all() {
    synchronized (recent) {
      return recent.stream().map(Job::view).toList();
    }
  }

  @Override
  public void destroy() {
    synchronized (threads) {
      threads.forEach(Thread::interrupt);
    }
  }
}
