package org.taizhang.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.taizhang.time.OfficeTime;

/**
 * The audit trail: who did what, when, and from which address. Other features call {@link #record};
 * administrators read it on {@code /admin/audit}.
 */
@Service
public class AuditLog {
  /**
   * The address of events that no HTTP request caused: imports from the command line, start-up
   * work.
   */
  static final String LOCAL = "本机";

  /** Stands in for a missing user name, which the table does not allow. */
  static final String UNKNOWN_ACTOR = "未知";

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;

  // Column widths of V3__audit.sql.
  static final int ACTOR_MAX = 64;
  static final int ADDRESS_MAX = 64;
  static final int TARGET_MAX = 300;
  static final int DETAIL_MAX = 2000;

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final String COLUMNS = "id, event_at, actor, address, action_code, target, detail";
  private static final int EXPORT_FETCH_SIZE = 500;

  private final JdbcClient jdbc;

  /**
   * The office's clock: events are stamped with its instant, and days of its calendar filter them.
   */
  private final Clock clock;

  private final OfficeTime time;
  private final TransactionTemplate alongside;
  private final TransactionTemplate separate;
  private final TransactionTemplate reading;

  AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.time = new OfficeTime(clock);
    // Inside a caller's transaction the event commits or rolls back with the action it describes,
    // so
    // the trail never claims a delete that did not happen. The savepoint keeps a failed insert from
    // poisoning that transaction (PostgreSQL refuses every later statement in an aborted one).
    this.alongside = new TransactionTemplate(transactions);
    this.alongside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    // A read-only transaction (viewing a document) cannot take the insert; the event goes on its
    // own.
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // PostgreSQL streams a result set only inside a transaction; otherwise it loads every row
    // first.
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  /**
   * Records an event; the client address is taken from the current HTTP request if there is one
   * ({@code X-Forwarded-For} is not trusted: anyone can send it), else “本机”. Over-long values are
   * cut. Never throws: the action being audited has already happened, and a failure to write is
   * logged at ERROR instead.
   *
   * @param actor the user name; null is recorded as “未知”
   * @param target what was acted on, e.g. {@code 文档 42《2025年工作计划》}; may be null
   * @param detail free text; may be null
   */
  public void record(String actor, AuditAction action, String target, String detail) {
    record(actor, null, action, target, detail);
  }

  /**
   * Records an event from a known address: login events carry theirs in the authentication details.
   * A null address means the current request's, as in {@link #record(String, AuditAction, String,
   * String)}.
   */
  void record(String actor, String address, AuditAction action, String target, String detail) {
    String from = address == null ? currentAddress() : address;
    try {
      write(clock.instant(), actor, from, action, target, detail);
    } catch (RuntimeException e) {
      // Everything the row would have held, so the event survives at least in the log.
      log.error("审计记录写入失败：用户 {}，地址 {}，操作 {}，对象 {}，详情 {}", actor, from, action, target, detail, e);
    }
  }

  /** The one place rows are written; package-private so tests can place events at known times. */
  void write(
      Instant at, String actor, String address, AuditAction action, String target, String detail) {
    if (action == null) {
      throw new IllegalArgumentException("审计事件缺少操作类型");
    }
    String a = blank(actor) ? UNKNOWN_ACTOR : fit(actor.strip(), ACTOR_MAX);
    String addr = blank(address) ? LOCAL : fit(address.strip(), ADDRESS_MAX);
    TransactionTemplate tx =
        TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? separate : alongside;
    tx.executeWithoutResult(
        status ->
            jdbc.sql(
                    "insert into audit_event(event_at, actor, address, action_code, target, detail) values (?, ?, ?, ?, ?, ?)")
                .params(
                    AuditTimes.stored(at),
                    a,
                    addr,
                    action.name(),
                    fit(target, TARGET_MAX),
                    fit(detail, DETAIL_MAX))
                .update());
  }

  /** The matching events of the query's page, newest first. */
  public List<AuditEvent> find(AuditQuery q) {
    int size = size(q.size());
    long offset = (long) (Math.max(1, q.page()) - 1) * size;
    Where w = where(q);
    List<Object> params = new ArrayList<>(w.params());
    params.add(size);
    params.add(offset);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from audit_event"
                + w.sql()
                + " order by event_at desc, id desc limit ? offset ?")
        .params(params)
        .query(AuditLog::map)
        .list();
  }

  /** How many events match, regardless of paging. */
  public long count(AuditQuery q) {
    Where w = where(q);
    return jdbc.sql("select count(*) from audit_event" + w.sql())
        .params(w.params())
        .query(Long.class)
        .single();
  }

  /**
   * Writes every matching event (paging ignored), newest first, as CSV for Excel: a byte order
   * mark, the header 时间,用户,地址,操作,对象,详情, then one line per event. The caller encodes {@code out} as
   * UTF-8 and closes it.
   */
  public void exportCsv(AuditQuery q, Writer out) throws IOException {
    Where w = where(q);
    AuditCsv.header(out);
    try {
      reading.executeWithoutResult(
          status ->
              jdbc.sql(
                      "select "
                          + COLUMNS
                          + " from audit_event"
                          + w.sql()
                          + " order by event_at desc, id desc")
                  .params(w.params())
                  .withFetchSize(EXPORT_FETCH_SIZE)
                  .query(
                      (RowCallbackHandler)
                          rs -> {
                            try {
                              AuditCsv.row(out, map(rs, 0), time);
                            } catch (IOException e) {
                              // Through JDBC's callback, which admits no checked exception;
                              // unwrapped below.
                              throw new UncheckedIOException(e);
                            }
                          }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private record Where(String sql, List<Object> params) {}

  private Where where(AuditQuery q) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (!blank(q.actor())) {
      conditions.add("actor = ?");
      params.add(q.actor().strip());
    }
    if (q.action() != null) {
      conditions.add("action_code = ?");
      params.add(q.action().name());
    }
    if (q.from() != null) {
      conditions.add("event_at >= ?");
      params.add(AuditTimes.startOf(q.from(), time.zone()));
    }
    if (q.to() != null) {
      conditions.add("event_at < ?");
      params.add(AuditTimes.startOf(q.to().plusDays(1), time.zone()));
    }
    if (!blank(q.target())) {
      // '!' as the escape character: a backslash would mean different things to the two databases'
      // string syntax.
      conditions.add("lower(target) like ? escape '!'");
      params.add("%" + likeEscaped(q.target().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    return new Where(
        conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
  }

  private static String likeEscaped(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static AuditEvent map(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        AuditTimes.fromStored(rs.getObject("event_at", LocalDateTime.class)),
        rs.getString("actor"),
        rs.getString("address"),
        AuditAction.valueOf(rs.getString("action_code")),
        rs.getString("target"),
        rs.getString("detail"));
  }

  /** The remote address of the request this thread serves, or “本机” outside any request. */
  private static String currentAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      try {
        String address = servlet.getRequest().getRemoteAddr();
        return blank(address) ? LOCAL : address;
      } catch (RuntimeException e) {
        // A request object used after its request ended may throw; the event itself still counts.
        return LOCAL;
      }
    }
    return LOCAL;
  }

  private static int size(int requested) {
    return requested < 1 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Makes a value storable in a column of {@code max} characters. NUL characters go (PostgreSQL
   * refuses them in text, and a file name or comment may carry one); a longer value is cut and ends
   * in “…” so a reader sees it was cut. Counted in UTF-16 units (H2's measure, never less than
   * PostgreSQL's characters) and never splitting a surrogate pair.
   */
  static String fit(String value, int max) {
    if (value == null) {
      return null;
    }
    String s = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}
