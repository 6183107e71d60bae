package org.taizhang.config;

import org.taizhang.web.Problem;
import org.springframework.http.HttpStatus;

/** A save based on a version that is no longer the newest: someone else saved in between. */
public class StaleVersionException extends RuntimeException implements Problem {
  public StaleVersionException(ConfigVersions.Version newest) {
    super("保存前已有人改动：当前为第 " + newest.number() + " 版（" + newest.by() + "，" + newest.source() + "）。"
        + "请重新打开后再修改，以免覆盖他人的改动");
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.CONFLICT;
  }

  @Override
  public String code() {
    return "STALE_VERSION";
  }
}
