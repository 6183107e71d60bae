package org.taizhang.config;

import org.springframework.http.HttpStatus;
import org.taizhang.web.ProblemException;

/** A save based on a version that is no longer the newest: someone else saved in between. */
public class StaleVersionException extends ProblemException {
  public StaleVersionException(ConfigVersions.Version newest) {
    super(
        HttpStatus.CONFLICT,
        "STALE_VERSION",
        "保存前已有人改动：当前为第 "
            + newest.number()
            + " 版（"
            + newest.by()
            + "，"
            + newest.source()
            + "）。"
            + "请重新打开后再修改，以免覆盖他人的改动");
  }
}
