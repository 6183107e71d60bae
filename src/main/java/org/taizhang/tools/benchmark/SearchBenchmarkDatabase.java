package org.taizhang.tools.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.search.SearchService;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The one table {@link SearchService} reads per search (the unit names for hits and the unit
 * facet), in an in-memory H2 database behind a Hikari pool, as the service runs it — without Spring
 * or Flyway.
 */
final class SearchBenchmarkDatabase implements AutoCloseable {
  /** As in db/migration/V1__archive.sql, with the columns V7__config_versions_units.sql adds. */
  private static final String UNIT_TABLE =
      """
      create table unit (
        code           varchar(64)  primary key,
        name           varchar(200) not null,
        unit_type      varchar(32)  not null,
        parent_code    varchar(64)  references unit(code),
        active         boolean      default true not null,
        deactivated_at timestamp,
        deactivated_by varchar(64)
      )""";

  private final HikariDataSource dataSource;
  private final UnitRepository units;

  SearchBenchmarkDatabase(List<Unit> units) {
    quietLogging();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:h2:mem:bench-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName("search-benchmark");
    config.setMaximumPoolSize(10);
    this.dataSource = new HikariDataSource(config);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql(UNIT_TABLE).update();
    this.units = repository(jdbc);
    this.units.saveAll(units);
  }

  UnitRepository units() {
    return units;
  }

  /** UnitRepository's constructor is package-private to org.taizhang.unit (Spring calls it). */
  private static UnitRepository repository(JdbcClient jdbc) {
    try {
      Constructor<UnitRepository> c = UnitRepository.class.getDeclaredConstructor(JdbcClient.class);
      c.setAccessible(true);
      return c.newInstance(jdbc);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create UnitRepository(JdbcClient)", e);
    }
  }

  /** Without Spring Boot's logging set-up, logback would print Hikari's debug output. */
  private static void quietLogging() {
    if (LoggerFactory.getLogger("com.zaxxer.hikari") instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  @Override
  public void close() {
    try {
      JdbcClient.create(dataSource).sql("shutdown").update();
    } catch (RuntimeException ignored) {
      // the pool is closed next anyway
    }
    dataSource.close();
  }
}
