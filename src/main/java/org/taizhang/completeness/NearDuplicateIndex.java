package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds documents of different units whose texts are nearly identical: Jaccard similarity of
 * character 4-gram shingles, estimated by MinHash and looked up by locality-sensitive hashing, so
 * adding one document costs a few bucket look-ups instead of a comparison with every other text.
 * Not thread-safe: the owning model serialises access.
 */
public final class NearDuplicateIndex {
  static final int HASHES = 256;
  private static final int BANDS = 32;
  private static final int ROWS = HASHES / BANDS;
  private static final int SHINGLE = 4;

  /** Shorter texts say too little to call them copies. */
  private static final int MIN_SHINGLES = 40;

  private final double threshold;
  private final Map<Long, Entry> entries = new HashMap<>();
  private final Map<Long, List<Long>> buckets = new HashMap<>();
  private final Map<Long, Map<Long, Double>> pairs = new HashMap<>();

  private record Entry(String unit, int[] signature, long[] keys) {}

  NearDuplicateIndex(double threshold) {
    this.threshold = threshold;
  }

  /**
   * The MinHash signature of a (folded) text over its letters and digits, or null when the text is
   * too short. Whitespace and punctuation are dropped first: PDF line breaks must not matter.
   */
  public static int[] signature(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    int shingles = sb.length() - SHINGLE + 1;
    if (shingles < MIN_SHINGLES) {
      return null;
    }
    int[] min = new int[HASHES];
    Arrays.fill(min, Integer.MAX_VALUE);
    Set<Integer> seen = new HashSet<>(shingles * 2);
    for (int i = 0; i < shingles; i++) {
      int h = 0;
      for (int j = 0; j < SHINGLE; j++) {
        h = 31 * h + sb.charAt(i + j);
      }
      if (!seen.add(h)) {
        continue;
      }
      for (int k = 0; k < HASHES; k++) {
        int v = mix(h ^ (0x9E3779B9 * (k + 1)));
        if (v < min[k]) {
          min[k] = v;
        }
      }
    }
    return min;
  }

  /** MurmurHash3's finaliser: spreads every input bit over the output. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** Adds a document; returns the documents it was found to duplicate. */
  Set<Long> add(long id, String unit, int[] signature) {
    remove(id);
    if (signature == null) {
      return Set.of();
    }
    long[] keys = new long[BANDS];
    Set<Long> candidates = new HashSet<>();
    for (int b = 0; b < BANDS; b++) {
      int h = b;
      for (int r = 0; r < ROWS; r++) {
        h = 31 * h + signature[b * ROWS + r];
      }
      keys[b] = ((long) b << 32) | (h & 0xFFFFFFFFL);
      List<Long> bucket = buckets.computeIfAbsent(keys[b], k -> new ArrayList<>(2));
      candidates.addAll(bucket);
      bucket.add(id);
    }
    entries.put(id, new Entry(unit, signature, keys));
    Set<Long> found = new HashSet<>();
    for (long c : candidates) {
      Entry other = entries.get(c);
      if (other == null || other.unit().equals(unit)) {
        continue;
      }
      double s = similarity(signature, other.signature());
      if (s >= threshold) {
        pairs.computeIfAbsent(id, k -> new HashMap<>()).put(c, s);
        pairs.computeIfAbsent(c, k -> new HashMap<>()).put(id, s);
        found.add(c);
      }
    }
    return found;
  }

  /** Removes a document; returns the documents it had duplicated. */
  Set<Long> remove(long id) {
    Entry e = entries.remove(id);
    if (e == null) {
      return Set.of();
    }
    for (long key : e.keys()) {
      List<Long> bucket = buckets.get(key);
      if (bucket != null) {
        bucket.remove(id);
        if (bucket.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
    Map<Long, Double> partners = pairs.remove(id);
    if (partners == null) {
      return Set.of();
    }
    for (long p : partners.keySet()) {
      Map<Long, Double> back = pairs.get(p);
      if (back != null) {
        back.remove(id);
        if (back.isEmpty()) {
          pairs.remove(p);
        }
      }
    }
    return partners.keySet();
  }

  /** The documents of other units this one nearly duplicates, with the estimated similarity. */
  Map<Long, Double> partners(long id) {
    return pairs.getOrDefault(id, Map.of());
  }

  void clear() {
    entries.clear();
    buckets.clear();
    pairs.clear();
  }

  int size() {
    return entries.size();
  }
}
