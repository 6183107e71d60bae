package org.taizhang.index;

import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.taizhang.config.ConfigLines;

/**
 * The analysis chain for Chinese archive text, built from {@code traditional-simplified.txt}.
 *
 * <p>Before tokenising, full-width letters and digits fold to half-width and traditional characters
 * to simplified, one character for one, so offsets still point into the original text and
 * highlights mark what the document really says. Two fields then read the folded text: a bigram
 * field ({@link DocumentFields#TEXT}) that never misses a run of characters, and a word field
 * ({@link DocumentFields#TEXT_WORDS}) segmented by smartcn, which ranks whole-word matches higher.
 *
 * <p>The bigram field reads Chinese characters across the white space between them ({@link
 * #JOINED}): a PDF breaks lines inside words (“城\n关支行”) and titles are spaced out (“工 作 总 结”), and
 * smartcn's words already run across such space. So whatever the word field finds as a phrase, the
 * bigram field finds too, and the word field only ranks.
 */
public final class ChineseAnalysis {
  private static final int SCRIPTS =
      CJKBigramFilter.HAN
          | CJKBigramFilter.HIRAGANA
          | CJKBigramFilter.KATAKANA
          | CJKBigramFilter.HANGUL;

  /**
   * What the index holds as this analysis writes it: raised whenever a change here changes the
   * terms or positions of an indexed document. An index written by another version is rebuilt when
   * the service starts ({@link SearchIndex#analysisCurrent}).
   */
  public static final String VERSION = "2";

  /** A character of the scripts above, as a regular expression. */
  private static final String CJK_CHARACTER =
      "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]";

  /**
   * White space between two characters of the scripts above, which the bigram field leaves out (as
   * {@code solr.PatternReplaceCharFilterFactory} with the same pattern, in {@link SolrConfigSet}).
   */
  static final String JOINED =
      "(?<=" + CJK_CHARACTER + ")[\\s\\u00A0\\u3000]+(?=" + CJK_CHARACTER + ")";

  private final Map<Character, Character> fold;

  /** Each char to itself or, if traditional, to its simplified form: what the analyzers fold. */
  private final char[] simplified;

  private final char[] folded;
  private final Analyzer indexAnalyzer;
  private final Analyzer bigramQuery;
  private final Analyzer wordAnalyzer;

  public ChineseAnalysis(Path configDir) {
    Path file = configDir.resolve("traditional-simplified.txt");
    this.fold = readMappings(file);
    this.folded = foldTable(fold);
    this.simplified = new char[Character.MAX_VALUE + 1];
    for (int i = 0; i < simplified.length; i++) {
      simplified[i] = fold.getOrDefault((char) i, (char) i);
    }
    Analyzer bigramIndex = bigrams(true);
    this.bigramQuery = bigrams(false);
    this.wordAnalyzer = words();
    this.indexAnalyzer =
        new PerFieldAnalyzerWrapper(
            bigramIndex,
            Map.of(
                DocumentFields.TEXT_WORDS, wordAnalyzer, DocumentFields.TITLE_WORDS, wordAnalyzer));
  }

  private static Map<Character, Character> readMappings(Path file) {
    Map<Character, Character> map = new HashMap<>();
    Set<Character> seen = new HashSet<>();
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      String[] parts = line.text().split("=>", -1);
      if (parts.length != 2) {
        throw line.error("格式应为“繁 => 简”");
      }
      String from = parts[0].strip();
      String to = parts[1].strip();
      if (from.length() != 1 || to.length() != 1) {
        throw line.error("两边都必须是单个字符（逐字映射才能保持高亮位置）：" + line.text());
      }
      if (!seen.add(from.charAt(0))) {
        throw line.error("“" + from + "”重复映射");
      }
      map.put(from.charAt(0), to.charAt(0));
    }
    return Map.copyOf(map);
  }

  private Reader foldReader(Reader reader) {
    return new FoldingCharFilter(simplified, new CJKWidthCharFilter(reader));
  }

  private Analyzer bigrams(boolean unigrams) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new JoiningCharFilter(foldReader(reader));
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return foldReader(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        // Unigrams are indexed too, so that a one-character query still finds something; bigram
        // i sits at unigram i's position, so phrase queries of bigrams match either way.
        ts = new CJKBigramFilter(ts, SCRIPTS, unigrams);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  private Analyzer words() {
    CharArraySet stop = SmartChineseAnalyzer.getDefaultStopSet();
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return foldReader(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        ts = new StopFilter(ts, stop);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** Per-field analyzer for the index writer. */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** Bigram analysis for queries: no unigrams, except for a character that stands alone. */
  public Analyzer bigramQueryAnalyzer() {
    return bigramQuery;
  }

  public Analyzer wordAnalyzer() {
    return wordAnalyzer;
  }

  /**
   * Applies the same character folding as the analyzers: full-width to half-width, traditional to
   * simplified, lower case.
   */
  public String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = folded[s.charAt(i)];
    }
    return new String(out);
  }

  /**
   * What {@link #fold} makes of each char: half-width for full-width, simplified for traditional,
   * lower case. A table rather than the map: folding runs over every unit's name at every search.
   */
  private static char[] foldTable(Map<Character, Character> fold) {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int i = 0; i < table.length; i++) {
      char c = (char) i;
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      Character mapped = fold.get(c);
      table[i] = Character.toLowerCase(mapped == null ? c : mapped);
    }
    return table;
  }

  /** Traditional to simplified, one character for one, as read from the configuration. */
  Map<Character, Character> mappings() {
    return fold;
  }

  public int mappingCount() {
    return fold.size();
  }
}
