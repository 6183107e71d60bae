package org.taizhang.config;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command's arguments, read with picocli into an object whose fields carry {@code @Option} and
 * {@code @Parameters}: {@code --name=value} and {@code --name value} alike, and of an option given
 * twice the last counts. Arguments a command does not declare are mistakes, unless it collects them
 * with {@code @Unmatched} (the service's settings such as {@code --taizhang.data-dir=…}, which go
 * on to Spring). Every command reports a mistake the same way: a Chinese message naming the
 * argument, its usage, exit code {@link #USAGE_ERROR}.
 */
public final class CommandArguments {
  /** The exit code of a command given arguments it cannot use. */
  public static final int USAGE_ERROR = 2;

  private CommandArguments() {}

  /** A mistake in the arguments; the message is Chinese and names the argument. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }

    private Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Fills {@code options} from {@code args}.
   *
   * @return {@code options}
   * @throws Invalid on a mistake
   */
  public static <T> T parse(T options, String... args) {
    CommandLine line =
        new CommandLine(options)
            // a directory may be called @something; picocli would read it as a file of arguments
            .setExpandAtFiles(false)
            .setOverwrittenOptionsAllowed(true);
    try {
      line.parseArgs(args);
    } catch (ParameterException e) {
      throw new Invalid(message(e), e);
    }
    return options;
  }

  /**
   * Fills {@code options} from {@code args}; on a mistake prints what is wrong and {@code usage} to
   * {@code err} and returns false, and the command exits with {@link #USAGE_ERROR}.
   */
  public static boolean read(Object options, String[] args, PrintStream err, String usage) {
    return read(a -> parse(options, a), args, err, usage).isPresent();
  }

  /**
   * What {@code parse} makes of {@code args} (a command's own reading, which may check more and
   * throw {@link Invalid}); on a mistake prints it and {@code usage} to {@code err} and returns
   * empty.
   */
  public static <T> Optional<T> read(
      Function<String[], T> parse, String[] args, PrintStream err, String usage) {
    try {
      return Optional.of(parse.apply(args));
    } catch (Invalid e) {
      err.println(e.getMessage());
      err.println(usage);
      return Optional.empty();
    }
  }

  /** A whole number above zero; large ones may be written with underscores ({@code 100_000}). */
  public static final class PositiveCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n = Integer.parseInt(value.strip().replace("_", ""));
      if (n <= 0) {
        throw new Rejected("须为正整数");
      }
      return n;
    }
  }

  /** A value a converter of ours turns down, with the reason in Chinese. */
  private static final class Rejected extends TypeConversionException {
    Rejected(String reason) {
      super(reason);
    }
  }

  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      return (arg.startsWith("-") ? "未知参数：" : "多余的参数：") + arg;
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      ArgSpec missing = m.getMissing().get(0);
      return missing instanceof OptionSpec o
          ? "参数 " + o.longestName() + " 缺少值"
          : "缺少参数 " + missing.paramLabel();
    }
    ArgSpec spec = e.getArgSpec();
    if (spec != null) {
      String name = spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
      String reason = e.getCause() instanceof Rejected r ? "（" + r.getMessage() + "）" : "";
      return "参数 " + name + " 的值无效：" + e.getValue() + reason;
    }
    return "参数有误：" + e.getMessage();
  }
}
