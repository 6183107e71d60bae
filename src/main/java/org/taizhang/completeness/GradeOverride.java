package org.taizhang.completeness;

import java.time.Instant;

/** A reviewer's grade in place of the computed one, with the written reason; shown as such. */
public record GradeOverride(Grade grade, String reason, String by, Instant at) {}
