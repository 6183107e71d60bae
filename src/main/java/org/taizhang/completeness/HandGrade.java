package org.taizhang.completeness;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The grade of a 实地考察 or 问卷调查 indicator, entered by a reviewer after the inspection or the survey
 * (人工评定): the grade, a note of what was found, the day it was assessed and who did it ({@code by}
 * the login name, {@code byName} the person's name that reports credit).
 */
public record HandGrade(
    Grade grade, String note, LocalDate assessedOn, String by, String byName, Instant at) {}
