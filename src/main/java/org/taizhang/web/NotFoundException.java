package org.taizhang.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing at this address; also what a caller gets for something it may not see. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFoundException extends RuntimeException {
  NotFoundException() {
    super("not found", null, false, false);
  }
}
