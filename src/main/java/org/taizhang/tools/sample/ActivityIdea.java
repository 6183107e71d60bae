package org.taizhang.tools.sample;

/**
 * One creation activity a unit may hold in a year.
 *
 * @param title what the activity is called in file names, banners and records
 * @param month the month it is usually held in
 * @param day the usual day for activities tied to a date (学雷锋日 3月5日), or 0 for any day
 * @param place where it happens; may use template variables such as {short}
 * @param purpose the clause after 为… in the record's opening sentence
 * @param body what happened, one or two sentences; may use {#a-b} number ranges
 */
public record ActivityIdea(
    String title, int month, int day, String place, String purpose, String body) {}
