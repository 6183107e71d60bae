package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.junit.jupiter.api.Test;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.Synonyms;

/**
 * The document page's preview: every occurrence of the search marked and numbered, with the
 * search's own analysis (traditional text, synonyms, phrases), and nothing else let through as
 * HTML. Uses the real {@code index-config/}.
 */
class PreviewTest {
  private static final Pattern MARK =
      Pattern.compile("<mark class=\"hit\" id=\"hit-(\\d+)\">(.*?)</mark>");

  private final ChineseAnalysis analysis = new ChineseAnalysis(Path.of("index-config"));

  /** Characters of text the preview has read through the analysis. */
  private final AtomicLong charactersRead = new AtomicLong();

  private final HitPreview preview =
      new HitPreview(
          new QueryFactory(analysis, Synonyms.load(Path.of("index-config"), analysis)),
          counting(analysis.indexAnalyzer()));

  /** The index's analysis, counting the characters it reads. */
  private Analyzer counting(Analyzer analyzer) {
    return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return new FilterReader(reader) {
          @Override
          public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
              charactersRead.incrementAndGet();
            }
            return c;
          }

          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            charactersRead.addAndGet(Math.max(n, 0));
            return n;
          }
        };
      }
    };
  }

  private HitPreview.Preview of(String text, String q) {
    return preview.preview(text, q).orElseThrow(() -> new AssertionError("no preview for " + q));
  }

  /** The marked words in order; asserts that the marks are numbered 1, 2, 3 … in document order. */
  private static List<String> marks(HitPreview.Preview p) {
    List<String> out = new ArrayList<>();
    Matcher m = MARK.matcher(p.html());
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).as("numbering").isEqualTo(out.size() + 1);
      out.add(m.group(2));
    }
    assertThat(out).as("marks counted").hasSize(p.hits());
    return out;
  }

  /** The text as the browser shows it: marks dropped, entities decoded. */
  private static String visible(String html) {
    return html.replaceAll("</?mark[^>]*>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Test
  void everyOccurrenceIsMarkedAndNumberedAndTheTextIsKept() {
    String text = "志愿服务活动记录\n本月开展志愿服务3次。\n下月继续开展志愿服务，志愿者服务队参加。末尾：志愿服务";
    HitPreview.Preview p = of(text, "志愿服务");
    // 志愿者服务 is in the same synonym group (index-config/synonyms.txt)
    assertThat(marks(p)).containsExactly("志愿服务", "志愿服务", "志愿服务", "志愿者服务", "志愿服务");
    assertThat(p.found()).isTrue();
    assertThat(visible(p.html())).isEqualTo(text);
  }

  @Test
  void adjacentOccurrencesAreTwoMarksAndAPhraseIsOne() {
    assertThat(marks(of("台账台账", "台账"))).containsExactly("台账", "台账");
    assertThat(marks(of("加强台账管理工作，台账和管理分开说", "台账管理"))).containsExactly("台账管理");
  }

  @Test
  void traditionalTextIsMarkedForASimplifiedQuery() {
    String text = "銀杏社區鄰里守望志願服務活動記錄\n會議決定：整理臺賬，開展志願服務。";
    HitPreview.Preview p = of(text, "志愿服务");
    assertThat(marks(p)).containsExactly("志願服務", "志願服務");
    assertThat(marks(of(text, "台账"))).containsExactly("臺賬");
    assertThat(visible(p.html())).isEqualTo(text);
  }

  @Test
  void theOtherSpellingOfASynonymIsMarked() {
    String text = "本单位台帐齐全。台账管理员：李明。臺帳另存一份。";
    assertThat(marks(of(text, "台账"))).containsExactly("台帐", "台账", "臺帳");
    assertThat(marks(of(text, "台帐"))).containsExactly("台帐", "台账", "臺帳");
  }

  @Test
  void htmlInTheTextIsEscapedEverywhere() {
    String text = "<script>alert('台账')</script> & \"台账\" <b>x</b>";
    HitPreview.Preview p = of(text, "台账");
    assertThat(p.html())
        .doesNotContain("<script", "<b>", "</b>")
        .contains(
            "&lt;script&gt;alert(&#39;<mark class=\"hit\" id=\"hit-1\">台账</mark>&#39;)&lt;/script&gt; &amp; &quot;");
    assertThat(marks(p)).containsExactly("台账", "台账");
    assertThat(visible(p.html())).isEqualTo(text);
    // a query that is itself markup is text to look for, never markup on the page
    HitPreview.Preview q = of(text, "<script>");
    assertThat(q.html()).doesNotContain("<script");
    assertThat(q.q()).isEqualTo("<script>");
  }

  @Test
  void everyTermOfTheQueryIsMarkedButNotTheExcludedOnes() {
    String text = "会议记录：研究台账整理。会议决定每季度检查台账。签到表另附。";
    assertThat(marks(of(text, "会议 台账 -签到表"))).containsExactly("会议", "台账", "会议", "台账");
    assertThat(marks(of(text, "\"每季度检查\""))).containsExactly("每季度检查");
  }

  @Test
  void anOccurrenceAcrossPunctuationIsOneMark() {
    // The search finds a phrase across punctuation and line breaks; the preview counts it once.
    String text = "本月開展「鄰里守望」志願服務活動。\n鄰里守望志願服務隊成立。";
    HitPreview.Preview p = of(text, "邻里守望志愿服务");
    assertThat(marks(p)).hasSize(2);
    assertThat(marks(p).get(0)).startsWith("鄰里守望").endsWith("志願服務");
    assertThat(marks(p).get(1)).isEqualTo("鄰里守望志願服務");
  }

  @Test
  void nothingToLookForGivesNoPreviewAndNoMatchGivesTheEscapedText() {
    assertThat(preview.preview("台账", null)).isEmpty();
    assertThat(preview.preview("台账", "  ")).isEmpty();
    assertThat(preview.preview("台账", "-台账")).isEmpty();
    assertThat(preview.preview("台账", "unit:cg-yxsq")).as("only a filter").isEmpty();
    assertThat(preview.preview("台账", "台账 OR")).as("not a valid query").isEmpty();
    HitPreview.Preview none = of("<p>会议记录</p>", "垃圾分类");
    assertThat(none.hits()).isZero();
    assertThat(none.found()).isFalse();
    assertThat(none.html()).isEqualTo("&lt;p&gt;会议记录&lt;/p&gt;");
    assertThat(of("", "台账").hits()).isZero();
  }

  @Test
  void hitsFarIntoALongTextAreMarkedToo() {
    // The highlighter stops at 10,000 characters by default; the preview must see the whole text.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("第").append(i).append("段：开展文明创建，整理台账材料。\n");
    }
    String text = sb.toString();
    assertThat(text.length()).isGreaterThan(8_000);
    String longer = text.repeat(25) + "最后一处：台帐。";
    assertThat(longer.length()).isGreaterThan(200_000);
    HitPreview.Preview p = of(longer, "台账");
    assertThat(p.hits()).isEqualTo(400 * 25 + 1);
    assertThat(p.html())
        .endsWith("最后一处：<mark class=\"hit\" id=\"hit-" + (400 * 25 + 1) + "\">台帐</mark>。");
    // Ten thousand hits, and the text is still read once: the work grows with the text, not with
    // text × hits.
    assertThat(charactersRead.get())
        .as("characters read for a text of %s", longer.length())
        .isEqualTo(longer.length());
  }
}
