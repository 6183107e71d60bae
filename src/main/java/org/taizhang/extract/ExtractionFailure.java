package org.taizhang.extract;

/** Why a file could not be read. */
public enum ExtractionFailure {
  UNSUPPORTED_TYPE,
  CORRUPT_FILE,
  ENCRYPTED,
  PARSE_TIMEOUT,
  ZIP_BOMB,
  IMAGE_TOO_LARGE
}
