package org.taizhang.completeness;

import java.time.LocalDate;

/**
 * A document a reviewer returned (退回) for rework: it does not count as evidence until the unit
 * hands in a new version. Shown with the missing item it leaves open.
 */
public record ReturnedDocument(
    long id, String title, String reason, LocalDate deadline, boolean overdue) {}
