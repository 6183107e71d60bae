package org.taizhang.filing;

import java.time.LocalDate;
import org.taizhang.text.ChineseDates;

/**
 * Where a document is filed: its category code (null for 未分类), the day it is dated (null when it
 * states none, or only a month), the period it states (a month such as 2019年7月, a quarter, a range
 * 2024年3月1日至3月5日) or null, and how all that was worked out.
 */
public record Filed(
    String category, LocalDate date, ChineseDates.Period period, Inference inference) {}
