package org.taizhang.extract;

/** Why a file could not be read. */
public enum ExtractionFailure {
  UNSUPPORTED_TYPE,
  CORRUPT_FILE,
  ENCRYPTED,
  PARSE_TIMEOUT,
  ZIP_BOMB,
  IMAGE_TOO_LARGE,
  /** The parser ran out of the memory its process is allowed; the process was replaced. */
  OUT_OF_MEMORY
}
