package org.taizhang.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.taizhang.access.Scope;
import org.taizhang.archive.Archive;
import org.taizhang.binder.ArchiveNumbering;
import org.taizhang.binder.BinderPlan;
import org.taizhang.time.OfficeTime;

/**
 * A unit-year's bundle of originals for an inspection team: a ZIP of the archived items in the
 * order and with the numbers of the {@link BinderPlan} — the same as the binder and the catalogues
 * — with an {@code index.html} that browses it offline.
 */
@Service
public class OriginalsBundle {
  private final Archive archive;
  private final ArchiveNumbering numbering;
  private final OfficeTime time;

  OriginalsBundle(Archive archive, ArchiveNumbering numbering, OfficeTime time) {
    this.archive = archive;
    this.numbering = numbering;
    this.time = time;
  }

  /** Where each item lies in the bundle, by document id, in plan order. */
  public Map<Long, String> layout(BinderPlan plan) {
    return writer(plan, Scope.ALL).layout();
  }

  /**
   * Writes the plan's bundle to {@code out} as it goes, reading originals the scope sees; returns
   * the number of originals written. The stream is finished as a ZIP, not closed.
   */
  public int write(BinderPlan plan, Scope scope, OutputStream out) throws IOException {
    return writer(plan, scope).write(out);
  }

  private BundleWriter writer(BinderPlan plan, Scope scope) {
    return new BundleWriter(
        plan,
        id -> archive.document(id, scope).flatMap(archive::original),
        numbering::itemNumber,
        OfficeTime.minutes(time.now()));
  }
}
