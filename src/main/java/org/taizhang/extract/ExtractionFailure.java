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
  OUT_OF_MEMORY,
  /** A bundle member named with {@code ../} or as an absolute path. */
  PATH_TRAVERSAL,
  /** An archive inside archives deeper than the limit. */
  NESTING_TOO_DEEP,
  /** A bundle with more members than the limit. */
  TOO_MANY_MEMBERS,
  /** A bundle that unpacks to more bytes in all than the limit. */
  BUNDLE_TOO_LARGE,
  /** A bundle member larger than one file may be. */
  FILE_TOO_LARGE,
  /** A bundle member that is a link or device rather than a file. */
  NOT_A_FILE
}
