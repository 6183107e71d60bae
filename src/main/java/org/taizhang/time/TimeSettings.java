package org.taizhang.time;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taizhang.time-zone}: the office's zone. Every time shown to people is in it, and it
 * decides what "today" is (deadlines, overdue items, the current year). Kept apart from the other
 * settings because every module reads the clock, the settings module included.
 */
@ConfigurationProperties("taizhang")
record TimeSettings(@DefaultValue("Asia/Shanghai") String timeZone) {}
