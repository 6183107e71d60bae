package org.taizhang.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a broken configuration file as one readable line instead of a stack trace. */
class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
    return new FailureAnalysis(
        "配置文件有误：" + cause.getMessage(),
        "请修改 " + cause.file() + (cause.line() > 0 ? " 第 " + cause.line() + " 行" : "") + " 后重新启动。",
        cause);
  }
}
