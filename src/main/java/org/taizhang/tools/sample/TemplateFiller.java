package org.taizhang.tools.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the generator's text templates: {name} takes a variable, {#a-b} a random whole number
 * between a and b inclusive. Templates stay readable as plain Chinese text while each unit and year
 * still gets its own figures.
 */
final class TemplateFiller {

  private static final Pattern SLOT = Pattern.compile("\\{(#(\\d+)-(\\d+)|[a-zA-Z][a-zA-Z0-9]*)}");

  private final Map<String, String> vars;
  private final Random rng;

  TemplateFiller(Map<String, String> vars, Random rng) {
    this.vars = new HashMap<>(vars);
    this.rng = rng;
  }

  /** A filler with extra variables on top of this one's, sharing the random source. */
  TemplateFiller with(Map<String, String> more) {
    Map<String, String> merged = new HashMap<>(vars);
    merged.putAll(more);
    return new TemplateFiller(merged, rng);
  }

  TemplateFiller with(String key, String value) {
    return with(Map.of(key, value));
  }

  String get(String key) {
    String value = vars.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no template variable {" + key + "}");
    }
    return value;
  }

  Random rng() {
    return rng;
  }

  String fill(String template) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(2) != null) {
        int low = Integer.parseInt(m.group(2));
        int high = Integer.parseInt(m.group(3));
        replacement = Integer.toString(low + rng.nextInt(high - low + 1));
      } else {
        replacement = get(m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Fills one template picked at random from {@code variants}. */
  String fillAny(List<String> variants) {
    return fill(variants.get(rng.nextInt(variants.size())));
  }

  <T> T pick(List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }
}
