package org.taizhang.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.taizhang.access.Caller;
import org.taizhang.access.DisplayNames;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;

/** Creating and changing accounts and API tokens, and working out what an account may see. */
@Service
public class AccountService implements DisplayNames {
  public static final int MIN_PASSWORD_LENGTH = 10;

  /** How precisely a token's “last used” is kept. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
  private static final String TOKEN_PREFIX = "tz_";

  /**
   * What a user name may be: Chinese names (张三, 阿依古丽·买买提) as well as Latin ones. No spaces, slashes
   * or other marks, so that a name is one word in an address, a header and the audit log.
   */
  private static final Pattern USERNAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_.\\-·]{2,64}");

  /** Enough to catch a typo; whether the mailbox exists only the mail server knows. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final AccountRepository accounts;
  private final UnitRepository units;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final LoginThrottle throttle;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.systemUTC();

  AccountService(
      AccountRepository accounts,
      UnitRepository units,
      PasswordEncoder passwords,
      AuditLog audit,
      LoginThrottle throttle) {
    this.throttle = throttle;
    this.accounts = accounts;
    this.units = units;
    this.passwords = passwords;
    this.audit = audit;
  }

  /** An invalid account change, with a message for the administrator. */
  public static class AccountException extends RuntimeException {
    public AccountException(String message) {
      super(message);
    }
  }

  @Override
  public Map<String, String> of(Collection<String> usernames) {
    Map<String, String> names = new HashMap<>();
    for (String u : usernames) {
      if (u != null && !u.isEmpty() && !names.containsKey(u)) {
        names.put(u, find(u).map(Account::displayName).orElse(u));
      }
    }
    return names;
  }

  public Optional<Account> find(String username) {
    return accounts.find(username);
  }

  public List<Account> all() {
    return accounts.findAll();
  }

  boolean anyExists() {
    return accounts.count() > 0;
  }

  @Transactional
  public Account create(
      String actor,
      String username,
      String displayName,
      Role role,
      String unitCode,
      String password) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new AccountException("用户名须为 2–64 个字符，可用汉字、字母、数字、下划线、点、连字符或间隔号（·），如 zhangsan 或 张三");
    }
    if (accounts.find(username).isPresent()) {
      throw new AccountException("用户名已存在：" + username);
    }
    Account a =
        new Account(
            username,
            blankTo(displayName, username),
            role,
            checkUnit(role, unitCode, null),
            true,
            clock.instant());
    accounts.insert(a, passwords.encode(checkPassword(password)));
    audit.record(
        actor,
        AuditAction.USER_CREATED,
        username,
        role.label() + (a.unitCode() == null ? "" : "，单位 " + a.unitCode()));
    return a;
  }

  @Transactional
  public Account update(
      String actor,
      String username,
      String displayName,
      Role role,
      String unitCode,
      boolean enabled) {
    Account old =
        accounts.find(username).orElseThrow(() -> new AccountException("没有这个用户：" + username));
    Account a =
        new Account(
            username,
            blankTo(displayName, old.displayName()),
            role,
            checkUnit(role, unitCode, old.unitCode()),
            enabled,
            old.createdAt());
    accounts.update(a);
    audit.record(
        actor,
        AuditAction.USER_CHANGED,
        username,
        a.role().label()
            + (a.unitCode() == null ? "" : "，单位 " + a.unitCode())
            + (a.enabled() ? "，启用" : "，停用"));
    return a;
  }

  @Transactional
  public void setPassword(String actor, String username, String password) {
    if (accounts.find(username).isEmpty()) {
      throw new AccountException("没有这个用户：" + username);
    }
    accounts.setPasswordHash(username, passwords.encode(checkPassword(password)));
    audit.record(actor, AuditAction.USER_CHANGED, username, "设置新密码");
  }

  /** How long the account's sign-in stays refused after repeated failures; zero when it is not. */
  public Duration lockedFor(String username) {
    return throttle.lockedFor(username);
  }

  /**
   * Lets an account sign in again at once after repeated failures, instead of after the waiting
   * time. Audited; returns whether the account was refused until now.
   */
  public boolean unlock(String actor, String username) {
    if (accounts.find(username).isEmpty()) {
      throw new AccountException("没有这个用户：" + username);
    }
    boolean wasLocked = throttle.unlock(username);
    audit.record(
        actor, AuditAction.USER_CHANGED, username, wasLocked ? "解除登录锁定" : "解除登录锁定（当时未被锁定）");
    return wasLocked;
  }

  /**
   * Creates a personal API token and returns it; only its hash is kept, so this is the one time it
   * is shown.
   */
  /** Where the person's reminders are mailed; empty when no address was given. */
  public Optional<String> email(String username) {
    return accounts.email(username);
  }

  /** Sets or (blank) clears the person's mail address; audited. */
  public void setEmail(String actor, String username, String email) {
    String e = email == null ? "" : email.strip();
    if (!e.isEmpty() && (e.length() > 200 || !EMAIL.matcher(e).matches())) {
      throw new AccountException("邮箱地址格式不正确：“" + e + "”，应形如 zhangsan@example.gov.cn");
    }
    if (accounts.find(username).isEmpty()) {
      throw new AccountException("没有用户“" + username + "”");
    }
    accounts.setEmail(username, e.isEmpty() ? null : e);
    audit.record(
        actor, AuditAction.USER_CHANGED, "用户 " + username, e.isEmpty() ? "清除邮箱" : "邮箱改为 " + e);
  }

  public String createToken(String username, String label) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    accounts.insertToken(hash(token), username, blankTo(label, "脚本"), clock.instant());
    audit.record(username, AuditAction.TOKEN_CREATED, username, blankTo(label, "脚本"));
    return token;
  }

  public List<ApiToken> tokens(String username) {
    return accounts.tokens(username);
  }

  public boolean revokeToken(String username, String tokenHash) {
    boolean removed = accounts.deleteToken(username, tokenHash) > 0;
    if (removed) {
      audit.record(username, AuditAction.TOKEN_REVOKED, username, tokenHash.substring(0, 8));
    }
    return removed;
  }

  /** The account a bearer token belongs to, if the token is known. */
  Optional<String> tokenOwner(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    String h = hash(token);
    Optional<String> owner = accounts.tokenOwner(h);
    if (owner.isPresent()) {
      // A script uploading hundreds of files should not also write its token's row hundreds of
      // times.
      Instant now = clock.instant();
      Instant last = lastTouched.get(h);
      if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
        lastTouched.put(h, now);
        accounts.touchToken(h, now);
      }
    }
    return owner;
  }

  /** The units an account may see: everything, the subtree under its node, or its own unit. */
  public Scope scopeOf(Account a) {
    if (a.role() == Role.ADMIN || (a.role() == Role.REVIEWER && a.unitCode() == null)) {
      return Scope.ALL;
    }
    if (a.unitCode() == null) {
      return Scope.NOTHING;
    }
    if (a.role() == Role.CLERK) {
      return Scope.of(Set.of(a.unitCode()));
    }
    return Scope.of(new UnitTree(units.findAll()).subtree(a.unitCode()));
  }

  public Caller caller(Account a) {
    return new Caller(a.username(), a.displayName(), a.role(), a.unitCode(), scopeOf(a));
  }

  String newPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /**
   * @param kept the account's unit so far: an account may keep a unit deactivated since, so that
   *     its name or role can still be changed; none is newly given one
   */
  private String checkUnit(Role role, String unitCode, String kept) {
    String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
    if (role.needsUnit() && unit == null) {
      throw new AccountException(role.label() + "必须指定所属单位");
    }
    if (role == Role.ADMIN) {
      return null;
    }
    if (unit != null) {
      Unit u = units.find(unit).orElseThrow(() -> new AccountException("单位不存在：" + unit));
      if (!u.active() && !unit.equals(kept)) {
        throw new AccountException(
            "单位“" + u.name() + "”已停用，不能为其新建账号或把账号划入该单位；如仍需使用，请先在“单位管理”中重新启用");
      }
    }
    return unit;
  }

  private static String checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new AccountException("密码至少需要 " + MIN_PASSWORD_LENGTH + " 个字符");
    }
    return password;
  }

  private static String blankTo(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.strip();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
