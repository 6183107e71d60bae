package org.taizhang.filing;

import java.time.LocalDate;
import org.taizhang.text.ChineseDates;

/**
 * Where a document is filed: its category code (null for 未分类), the day it is dated (null when it
 * states none, or only a month), the period it states (a month such as 2019年7月, a quarter, a range
 * 2024年3月1日至3月5日) or null, and how all that was worked out. {@code dated} is when the document says
 * it was made, to the precision it says it: a day, or a month ({@code 2019年7月}); null when it
 * states neither. A month is kept as the document's period unless its title states the period it is
 * about (2025年度总结 dated 2025年12月 is about the year).
 */
public record Filed(
    String category,
    LocalDate date,
    ChineseDates.Period period,
    ChineseDates.Period dated,
    Inference inference) {}
