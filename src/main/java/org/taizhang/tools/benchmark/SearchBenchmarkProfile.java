package org.taizhang.tools.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.taizhang.search.QueryFactory;
import org.taizhang.search.SearchService;

/**
 * Where the time of a search goes: Java Flight Recorder CPU samples of the thread running the
 * searches, each attributed to the stage of {@link SearchService#search} its stack is in. Samples
 * are taken with the real service, so nothing of the search is re-implemented here; garbage
 * collection and waiting are not sampled.
 */
final class SearchBenchmarkProfile {
  static final String THREAD = "search-bench-profile";

  /** Stages of one search, in the order a stack is tested for them. */
  enum Stage {
    HIGHLIGHTING("highlighting (UnifiedHighlighter, snippets)"),
    FACET_COUNTING("facet counting and labelling"),
    FACET_COLLECTING("facet collection (doc ids of all hits)"),
    STORED_FIELDS("stored fields of the 10 hits"),
    RESCORING("rescoring the best hits (exact phrase, together)"),
    QUERY("query matching, scoring, top-10 sort"),
    PARSING("query parsing and analysis"),
    UNITS("unit list from the database"),
    OTHER("other");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  /**
   * One CPU sample of the search thread: its stage, the innermost Lucene method it was in ({@code
   * ExactPhraseMatcher.nextMatch}), and whether it was inside a phrase query.
   */
  record Sample(Instant time, Stage stage, String leaf, boolean phrase, boolean truncated) {}

  private SearchBenchmarkProfile() {}

  /**
   * Runs {@code work} (which must search on a thread named {@link #THREAD}) under a recording;
   * returns that thread's samples.
   */
  static List<Sample> record(Runnable work) throws IOException {
    Path file = Files.createTempFile("search-benchmark", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      recording.setToDisk(true);
      recording.start();
      work.run();
      recording.stop();
      recording.dump(file);
      List<Sample> out = new ArrayList<>();
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedThread t = e.getThread("sampledThread");
        RecordedStackTrace st = e.getStackTrace();
        if (t == null || st == null || !THREAD.equals(t.getJavaName())) {
          continue;
        }
        out.add(
            new Sample(e.getStartTime(), classify(st), leaf(st), inPhrase(st), st.isTruncated()));
      }
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The innermost frame in Lucene, as SimpleClass.method; else the innermost frame at all. */
  static String leaf(RecordedStackTrace st) {
    String first = null;
    for (RecordedFrame f : st.getFrames()) {
      if (f.getMethod() == null || f.getMethod().getType() == null) {
        continue;
      }
      String type = f.getMethod().getType().getName();
      String name = type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
      if (first == null) {
        first = name;
      }
      if (type.startsWith("org.apache.lucene.")) {
        return name;
      }
    }
    return first == null ? "?" : first;
  }

  /** Whether the sample is inside the matching or scoring of a phrase query. */
  static boolean inPhrase(RecordedStackTrace st) {
    for (RecordedFrame f : st.getFrames()) {
      if (f.getMethod() != null && f.getMethod().getType() != null) {
        String type = f.getMethod().getType().getName();
        if (type.startsWith("org.apache.lucene.search.")
            && (type.contains("Phrase") || type.contains("Span"))) {
          return true;
        }
      }
    }
    return false;
  }

  static Stage classify(RecordedStackTrace st) {
    boolean highlight = false;
    boolean facetCount = false;
    boolean facetCollect = false;
    boolean stored = false;
    boolean rescoring = false;
    boolean query = false;
    boolean parse = false;
    boolean units = false;
    for (RecordedFrame f : st.getFrames()) {
      if (f.getMethod() == null || f.getMethod().getType() == null) {
        continue;
      }
      String type = f.getMethod().getType().getName();
      String method = f.getMethod().getName();
      if (type.startsWith("org.apache.lucene.search.uhighlight.")
          || (type.equals(SearchService.class.getName())
              && (method.equals("snippets") || method.equals("joinLines")))) {
        highlight = true;
      } else if (type.startsWith("org.apache.lucene.facet.FacetsCollectorManager")) {
        continue; // wraps the whole query execution
      } else if (type.startsWith("org.apache.lucene.facet.FacetsCollector")) {
        facetCollect = true;
      } else if (type.startsWith("org.apache.lucene.facet.")
          || (type.equals(SearchService.class.getName()) && method.equals("facetValues"))) {
        facetCount = true;
      } else if (type.startsWith("org.apache.lucene.index.StoredFields")
          || type.contains("StoredFieldsReader")
          || type.equals("org.apache.lucene.document.DocumentStoredFieldVisitor")) {
        stored = true;
      } else if (type.equals(SearchService.class.getName()) && method.equals("rescored")) {
        rescoring = true;
      } else if (type.equals("org.apache.lucene.search.IndexSearcher")) {
        query = true;
      } else if (type.equals(QueryFactory.class.getName())
          || type.equals("org.apache.lucene.util.QueryBuilder")) {
        parse = true;
      } else if (type.equals("org.taizhang.unit.UnitRepository")) {
        units = true;
      }
    }
    if (highlight) {
      return Stage.HIGHLIGHTING;
    }
    if (facetCount) {
      return Stage.FACET_COUNTING;
    }
    if (facetCollect) {
      return Stage.FACET_COLLECTING;
    }
    if (stored) {
      return Stage.STORED_FIELDS;
    }
    if (rescoring) {
      return Stage.RESCORING;
    }
    if (query) {
      return Stage.QUERY;
    }
    if (parse) {
      return Stage.PARSING;
    }
    if (units) {
      return Stage.UNITS;
    }
    return Stage.OTHER;
  }
}
