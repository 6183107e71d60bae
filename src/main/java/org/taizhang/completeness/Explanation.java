package org.taizhang.completeness;

import java.time.Instant;
import java.time.LocalDate;

/** A 缺项说明: why an item is missing and by when it will be completed. */
public record Explanation(
    long id, String reason, LocalDate deadline, String by, Instant at, boolean overdue) {}
