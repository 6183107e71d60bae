package org.taizhang.store;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * The object store did not answer or refused a request: nothing was stored or read, and trying
 * again later may work.
 */
public class StoreUnavailableException extends IOException implements Problem {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.SERVICE_UNAVAILABLE;
  }

  @Override
  public String code() {
    return "STORE_UNAVAILABLE";
  }
}
