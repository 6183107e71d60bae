package org.taizhang.archive;

/**
 * Published after a document was stored, replaced, edited, deleted, restored or purged, so that
 * derived views (completeness) can follow. {@code id} may no longer exist after a purge.
 */
public record DocumentChanged(long id, String unitCode) {}
