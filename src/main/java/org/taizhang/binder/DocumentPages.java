package org.taizhang.binder;

import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.taizhang.archive.Document;

/**
 * Pages as the document itself knows them: a PDF's page count, one page for a photo, a rendition's
 * pages once it is made.
 */
@Component
class DocumentPages implements ItemPages {
  private final ItemRenditions renditions;

  DocumentPages(ItemRenditions renditions) {
    this.renditions = renditions;
  }

  @Override
  public BinderPlan.Kind kind(Document d) {
    String type = d.mediaType() == null ? "" : d.mediaType();
    if (type.equals("application/pdf")) {
      return BinderPlan.Kind.PDF;
    }
    if (type.startsWith("image/")) {
      return BinderPlan.Kind.PHOTO;
    }
    if (renditions.converts(d)) {
      return BinderPlan.Kind.CONVERTED;
    }
    return BinderPlan.Kind.PLACEHOLDER;
  }

  @Override
  public OptionalInt pages(Document d) {
    return switch (kind(d)) {
      case PDF -> d.pageCount() == null ? OptionalInt.empty() : OptionalInt.of(d.pageCount());
      case PHOTO, PLACEHOLDER -> OptionalInt.of(1);
      case CONVERTED -> {
        OptionalInt p = renditions.pages(d);
        // No rendition can be made: the binder prints the one page that says why.
        yield p.isEmpty() && renditions.failure(d).isPresent() ? OptionalInt.of(1) : p;
      }
    };
  }

  @Override
  public Optional<String> note(Document d) {
    if (kind(d) != BinderPlan.Kind.CONVERTED || renditions.pages(d).isPresent()) {
      return Optional.empty();
    }
    return renditions.failure(d).map(reason -> "未能转为PDF，原件见原件包");
  }
}
