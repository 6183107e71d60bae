package org.taizhang.completeness;

import java.time.Instant;

/**
 * A reviewer's grade in place of the computed one, with the written reason; shown as such. {@code
 * by} is the login name (as the audit log has it), {@code byName} the person's name that reports
 * credit.
 */
public record GradeOverride(Grade grade, String reason, String by, String byName, Instant at) {}
