package org.taizhang.binder;

import java.util.Optional;
import java.util.OptionalInt;
import org.taizhang.archive.Document;

/** How a document goes into a binder and how many pages it takes there. */
interface ItemPages {
  BinderPlan.Kind kind(Document d);

  /** Its pages in the binder, or empty while they are not known (a conversion still to be made). */
  OptionalInt pages(Document d);

  /** What the catalogues must say about how it is printed (无法转换…), or empty. */
  Optional<String> note(Document d);
}
