package org.taizhang.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.taizhang.access.Role;

/** Accounts and API tokens in the database. Tokens are stored only as SHA-256 hashes. */
@Repository
class AccountRepository {
  private static final String COLUMNS =
      "username, display_name, role, unit_code, enabled, created_at";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  Optional<Account> find(String username) {
    return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
        .param(username)
        .query(AccountRepository::map)
        .optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from app_user where username = ?")
        .param(username)
        .query(String.class)
        .optional();
  }

  List<Account> findAll() {
    return jdbc.sql("select " + COLUMNS + " from app_user order by role, username")
        .query(AccountRepository::map)
        .list();
  }

  void insert(Account a, String passwordHash) {
    jdbc.sql(
            "insert into app_user(username, display_name, password_hash, role, unit_code, enabled, created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.username(),
            a.displayName(),
            passwordHash,
            a.role().name(),
            a.unitCode(),
            a.enabled(),
            Timestamp.from(a.createdAt()))
        .update();
  }

  void update(Account a) {
    jdbc.sql(
            "update app_user set display_name = ?, role = ?, unit_code = ?, enabled = ? where username = ?")
        .params(a.displayName(), a.role().name(), a.unitCode(), a.enabled(), a.username())
        .update();
  }

  void setPasswordHash(String username, String hash) {
    jdbc.sql("update app_user set password_hash = ? where username = ?")
        .params(hash, username)
        .update();
  }

  Optional<String> email(String username) {
    return jdbc.sql("select email from app_user where username = ?")
        .param(username)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(e -> e);
  }

  void setEmail(String username, String email) {
    jdbc.sql("update app_user set email = ? where username = ?").params(email, username).update();
  }

  void insertToken(String hash, String username, String label, Instant at) {
    jdbc.sql("insert into api_token(token_hash, username, label, created_at) values (?, ?, ?, ?)")
        .params(hash, username, label, Timestamp.from(at))
        .update();
  }

  Optional<String> tokenOwner(String hash) {
    return jdbc.sql("select username from api_token where token_hash = ?")
        .param(hash)
        .query(String.class)
        .optional();
  }

  void touchToken(String hash, Instant at) {
    jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
        .params(Timestamp.from(at), hash)
        .update();
  }

  List<ApiToken> tokens(String username) {
    return jdbc.sql(
            "select token_hash, username, label, created_at, last_used_at from api_token where username = ? order by created_at")
        .param(username)
        .query(
            (rs, n) ->
                new ApiToken(
                    rs.getString(1).strip(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  int deleteToken(String username, String hash) {
    return jdbc.sql("delete from api_token where username = ? and token_hash = ?")
        .params(username, hash)
        .update();
  }

  private static Account map(ResultSet rs, int n) throws SQLException {
    return new Account(
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("unit_code"),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant());
  }
}
