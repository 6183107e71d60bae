package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The facts of one unit's creation year, decided before any text is written so that the meeting
 * records, sign-in sheets, photos and summaries of that year agree with each other.
 */
record YearPlan(
    UnitProfile unit,
    int year,
    String leadDocNumber,
    LocalDate leadDocDate,
    LocalDate planDate,
    LocalDate responsibilityDate,
    LocalDate rulesDate,
    LocalDate halfYearDate,
    LocalDate annualDate,
    List<Meeting> meetings,
    List<ScheduledActivity> activities,
    List<FlavorTexts.Task> tasks) {

  record Absence(Person person, String reason) {}

  record Meeting(
      int quarter, LocalDateTime time, Person chair, List<Person> present, List<Absence> absent) {}

  /**
   * @param place the activity's place with template variables already filled in
   */
  record ScheduledActivity(ActivityIdea idea, LocalDate date, String place, int volunteers) {}

  Meeting meeting(int quarter) {
    return meetings.stream().filter(m -> m.quarter() == quarter).findFirst().orElseThrow();
  }
}
