package org.taizhang.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.taizhang.access.Role;
import org.taizhang.config.TaizhangProperties;

/**
 * Creates the first administrator when no account exists: with the configured password, or with a
 * random one printed once to the log. There is never a built-in default password.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final AccountService accounts;
  private final TaizhangProperties properties;

  FirstAdministrator(AccountService accounts, TaizhangProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (accounts.anyExists()) {
      return;
    }
    String username = properties.admin().username();
    String configured = properties.admin().password();
    String password =
        configured == null || configured.isBlank() ? accounts.newPassword() : configured;
    accounts.create("系统", username, "创建办管理员", Role.ADMIN, null, password);
    if (configured == null || configured.isBlank()) {
      log.warn(
          """

          ================================================================
            已创建管理员账号：{}
            初始密码：{}
            此密码只显示这一次。请登录后在“我的账号”中修改。
          ================================================================""",
          username,
          password);
    } else {
      log.info("已按配置 taizhang.admin.password 创建管理员账号 {}", username);
    }
  }
}
