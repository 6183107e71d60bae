package org.taizhang.unit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The unit tree (市 → 区县 → 街镇 → 村社) built from a flat list of units. */
public final class UnitTree {
  /** A unit with its depth below the root, for indented listings. */
  public record Node(Unit unit, int depth) {}

  private final Map<String, Unit> byCode = new LinkedHashMap<>();
  private final Map<String, List<Unit>> children = new HashMap<>();
  private final List<Unit> roots = new ArrayList<>();

  public UnitTree(List<Unit> units) {
    for (Unit u : units) {
      byCode.put(u.code(), u);
    }
    for (Unit u : units) {
      if (u.parentCode() == null || !byCode.containsKey(u.parentCode())) {
        roots.add(u);
      } else {
        children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
      }
    }
  }

  /** Depth-first order, so a listing shows each unit under its parent. */
  public List<Node> depthFirst() {
    List<Node> out = new ArrayList<>();
    roots.stream().sorted(Comparator.comparing(Unit::code)).forEach(r -> walk(r, 0, out));
    return out;
  }

  private void walk(Unit u, int depth, List<Node> out) {
    out.add(new Node(u, depth));
    children.getOrDefault(u.code(), List.of()).stream()
        .sorted(Comparator.comparing(Unit::code))
        .forEach(c -> walk(c, depth + 1, out));
  }

  /** The unit and every unit below it; empty if the code is unknown. */
  public Set<String> subtree(String code) {
    Set<String> out = new LinkedHashSet<>();
    if (!byCode.containsKey(code)) {
      return out;
    }
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(code));
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (out.add(c)) {
        children.getOrDefault(c, List.of()).forEach(u -> todo.push(u.code()));
      }
    }
    return out;
  }

  static List<Unit> parentsFirst(List<Unit> units) {
    return new UnitTree(units).depthFirst().stream().map(Node::unit).toList();
  }
}
