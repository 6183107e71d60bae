package org.taizhang.unit;

import java.util.Map;
import org.taizhang.access.Scope;

/**
 * How many documents each unit has, for the unit tree pages. Answered by the search index (one
 * facet query rather than a count per unit), which sits above units in the module order.
 */
public interface DocumentCounts {
  /** Documents per unit code, of the units in {@code scope}; a unit without documents is absent. */
  Map<String, Long> documentCounts(Scope scope);
}
