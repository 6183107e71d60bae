package org.taizhang.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials as request headers. */
public final class Basic {
  private Basic() {}

  public static String[] auth(String username, String password) {
    return new String[] {
      "Authorization",
      "Basic "
          + Base64.getEncoder()
              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
    };
  }
}
