package org.taizhang.search;

import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * A query that does not follow the query language: an unbalanced quote, a field without a value, a
 * date that is no date, {@code OR} without a word on both sides. The message is Chinese, written
 * for the person who typed the query, and safe to show as it is.
 */
public class QueryParseException extends IllegalArgumentException implements Problem {
  public QueryParseException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public String code() {
    return "BAD_QUERY";
  }
}
