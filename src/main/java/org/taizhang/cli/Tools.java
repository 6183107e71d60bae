package org.taizhang.cli;

import java.util.Set;

/**
 * Commands shipped in the same jar but not part of the service: the sample generator, benchmarks,
 * the relevance evaluation. Found with {@link java.util.ServiceLoader}, so that no class of the
 * service refers to a tool and a tool may use any module's API.
 */
public interface Tools {
  /** The command names this provider runs. */
  Set<String> names();

  /** Lines for the help text, one command each, indented as the service's own commands. */
  String usage();

  /** Runs one command; the exit code of the process. */
  int run(String name, String[] args) throws Exception;
}
