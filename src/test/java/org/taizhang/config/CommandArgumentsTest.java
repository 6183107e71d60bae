package org.taizhang.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.taizhang.config.CommandArguments.PositiveCount;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The commands' arguments: both option forms, and mistakes told in Chinese with the argument's
 * name.
 */
class CommandArgumentsTest {
  static final class Strict {
    @Parameters(index = "0", paramLabel = "<目录>")
    Path dir;

    @Option(names = "--docs", converter = PositiveCount.class)
    int docs = 100;

    @Option(names = "--seed")
    long seed = 7;

    @Option(names = "--concurrency", split = ",", converter = PositiveCount.class)
    List<Integer> concurrency = List.of(1, 8);

    @Option(names = "--keep")
    boolean keep;
  }

  static final class WithSettings {
    @Parameters(index = "0", paramLabel = "<备份目录>")
    String dir;

    @Option(names = "--server")
    String server = "http://127.0.0.1:8080";

    @Unmatched List<String> settings = new ArrayList<>();
  }

  @Test
  void bothOptionFormsAreReadAndDefaultsStay() {
    Strict s =
        CommandArguments.parse(
            new Strict(), "out", "--docs=100_000", "--seed", "42", "--concurrency=1, 4", "--keep");
    assertThat(s.dir).isEqualTo(Path.of("out"));
    assertThat(s.docs).isEqualTo(100_000);
    assertThat(s.seed).isEqualTo(42);
    assertThat(s.concurrency).containsExactly(1, 4);
    assertThat(s.keep).isTrue();

    Strict d = CommandArguments.parse(new Strict(), "out");
    assertThat(d.docs).isEqualTo(100);
    assertThat(d.concurrency).containsExactly(1, 8);
    assertThat(d.keep).isFalse();
  }

  @Test
  void theLastOfARepeatedOptionCountsAndAnArgumentMayStartWithAnAt() {
    Strict s = CommandArguments.parse(new Strict(), "@out", "--seed=1", "--seed=2");
    assertThat(s.dir).isEqualTo(Path.of("@out"));
    assertThat(s.seed).isEqualTo(2);
  }

  @Test
  void mistakesAreToldInChineseAndNameTheArgument() {
    expect("未知参数：--bogus", "out", "--bogus");
    expect("多余的参数：more", "out", "more");
    expect("缺少参数 <目录>");
    expect("参数 --seed 缺少值", "out", "--seed");
    expect("参数 --seed 的值无效：abc", "out", "--seed=abc");
    expect("参数 --docs 的值无效：0（须为正整数）", "out", "--docs=0");
    expect("参数 --concurrency 的值无效：0（须为正整数）", "out", "--concurrency=1,0");
  }

  @Test
  void theServicesSettingsAreCollectedWhereACommandTakesThem() {
    WithSettings w =
        CommandArguments.parse(
            new WithSettings(),
            "--taizhang.data-dir=/srv/data",
            "/mnt/backup",
            "--server.port=9090",
            "--server=http://host:8080");
    assertThat(w.dir).isEqualTo("/mnt/backup");
    assertThat(w.server).isEqualTo("http://host:8080");
    assertThat(w.settings).containsExactly("--taizhang.data-dir=/srv/data", "--server.port=9090");
  }

  @Test
  void readPrintsTheMistakeAndTheUsage() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    assertThat(
            CommandArguments.read(
                new Strict(), new String[] {"out", "--docs=x"}, err, "用法：tool <目录> [--docs=N]"))
        .isFalse();
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .isEqualTo("参数 --docs 的值无效：x%n用法：tool <目录> [--docs=N]%n".formatted());
    assertThat(CommandArguments.read(new Strict(), new String[] {"out"}, err, "用法")).isTrue();

    buffer.reset();
    Function<String[], Strict> checked =
        args -> {
          Strict s = CommandArguments.parse(new Strict(), args);
          if (s.keep && s.seed == 7) {
            throw new CommandArguments.Invalid("参数 --keep 须与 --seed 同用");
          }
          return s;
        };
    assertThat(CommandArguments.read(checked, new String[] {"out", "--keep"}, err, "用法：tool"))
        .isEmpty();
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .isEqualTo("参数 --keep 须与 --seed 同用%n用法：tool%n".formatted());
    assertThat(
            CommandArguments.read(
                checked, new String[] {"out", "--keep", "--seed=1"}, err, "用法：tool"))
        .hasValueSatisfying(s -> assertThat(s.seed).isEqualTo(1));
  }

  private static void expect(String message, String... args) {
    assertThatThrownBy(() -> CommandArguments.parse(new Strict(), args))
        .as(String.join(" ", args))
        .isInstanceOf(CommandArguments.Invalid.class)
        .hasMessage(message);
  }
}
