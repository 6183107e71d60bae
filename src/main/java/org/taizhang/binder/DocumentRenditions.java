package org.taizhang.binder;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.taizhang.archive.Document;
import org.taizhang.rendition.RenditionException;
import org.taizhang.rendition.Renditions;

/** Renditions as {@link Renditions} makes them: LibreOffice for office files, OFD drawn here. */
@Component
class DocumentRenditions implements ItemRenditions {
  private final Renditions renditions;

  DocumentRenditions(Renditions renditions) {
    this.renditions = renditions;
  }

  @Override
  public boolean converts(Document d) {
    return Renditions.converts(d);
  }

  @Override
  public OptionalInt pages(Document d) {
    return renditions.pages(d);
  }

  @Override
  public Path pdfOf(Document d) throws Unavailable {
    try {
      return renditions.render(d).pdf();
    } catch (RenditionException e) {
      throw new Unavailable(e.reason() + "，原件见原件包", e);
    }
  }

  @Override
  public Optional<String> failure(Document d) {
    return renditions.reason(d);
  }

  @Override
  public boolean available() {
    return renditions.converter().available();
  }
}
