package org.taizhang.tools.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.taizhang.tools.sample.YearPlan.Absence;
import org.taizhang.tools.sample.YearPlan.Meeting;
import org.taizhang.tools.sample.YearPlan.ScheduledActivity;

/** Decides the dates, attendance and activities of one unit-year. */
final class YearPlanner {

  private static final List<LocalTime> MEETING_TIMES =
      List.of(
          LocalTime.of(8, 30),
          LocalTime.of(9, 0),
          LocalTime.of(9, 30),
          LocalTime.of(14, 30),
          LocalTime.of(15, 0));

  private static final List<String> ABSENCE_REASONS =
      List.of("外出学习", "病假", "参加县里会议", "下乡督导", "公休", "外出培训", "家中有事请假");

  /** Earliest and latest day of each quarter's meeting, as month and day pairs. */
  private static final int[][] MEETING_WINDOWS = {
    {2, 18, 3, 12}, {5, 8, 6, 12}, {7, 15, 8, 29}, {11, 10, 12, 10}
  };

  private YearPlanner() {}

  static YearPlan plan(UnitProfile unit, int year, Random rng, TemplateFiller filler) {
    List<Meeting> meetings = new ArrayList<>();
    int leaderAwayQuarter = rng.nextInt(10) < 3 ? 2 + rng.nextInt(2) : 0;
    for (int q = 1; q <= 4; q++) {
      int[] w = MEETING_WINDOWS[q - 1];
      LocalDate date = between(LocalDate.of(year, w[0], w[1]), LocalDate.of(year, w[2], w[3]), rng);
      LocalDateTime time =
          ChineseDateWords.workday(date)
              .atTime(MEETING_TIMES.get(rng.nextInt(MEETING_TIMES.size())));
      meetings.add(meeting(unit, q, time, q == leaderAwayQuarter, rng));
    }
    LocalDate q1 = meetings.get(0).time().toLocalDate();
    LocalDate leadDoc = ChineseDateWords.workday(q1.plusDays(2 + rng.nextInt(5)));
    LocalDate planDate = ChineseDateWords.workday(leadDoc.plusDays(1 + rng.nextInt(5)));
    LocalDate responsibility =
        ChineseDateWords.workday(
            later(planDate.plusDays(1), LocalDate.of(year, 3, 15)).plusDays(rng.nextInt(10)));
    LocalDate rules = ChineseDateWords.workday(q1.plusDays(10 + rng.nextInt(20)));
    LocalDate halfYear =
        ChineseDateWords.workday(LocalDate.of(year, 6, 26).plusDays(rng.nextInt(10)));
    LocalDate annual =
        ChineseDateWords.workday(LocalDate.of(year, 12, 18).plusDays(rng.nextInt(10)));

    int maxNumber = unit.flavor() == Flavor.VILLAGE || unit.flavor() == Flavor.COMMUNITY ? 4 : 12;
    String docNumber =
        unit.wording().docPrefix() + "〔" + year + "〕" + (1 + rng.nextInt(maxNumber)) + "号";

    FlavorTexts texts = FlavorTexts.of(unit.flavor());
    List<Integer> picks = new ArrayList<>();
    for (int i = 0; i < texts.tasks().size(); i++) {
      picks.add(i);
    }
    Collections.shuffle(picks, rng);
    List<Integer> chosen = new ArrayList<>(picks.subList(0, Math.min(5, picks.size())));
    Collections.sort(chosen);
    List<FlavorTexts.Task> tasks = chosen.stream().map(texts.tasks()::get).toList();

    List<ScheduledActivity> activities = new ArrayList<>();
    int first = Math.floorMod((year - 2024) * 2, unit.activities().size());
    for (int i = 0; i < 2; i++) {
      ActivityIdea idea = unit.activities().get((first + i) % unit.activities().size());
      int day = idea.day() > 0 ? idea.day() : 5 + rng.nextInt(21);
      LocalDate date = LocalDate.of(year, idea.month(), day);
      if (idea.day() == 0
          && (unit.flavor() == Flavor.BUREAU
              || unit.flavor() == Flavor.INDUSTRY
              || unit.flavor() == Flavor.SCHOOL)) {
        // Offices and schools hold their own activities on working days; villages and communities
        // often choose weekends, when residents are at home.
        date = ChineseDateWords.workday(date);
      }
      activities.add(
          new ScheduledActivity(idea, date, filler.fill(idea.place()), 12 + rng.nextInt(34)));
    }
    return new YearPlan(
        unit,
        year,
        docNumber,
        leadDoc,
        planDate,
        responsibility,
        rules,
        halfYear,
        annual,
        meetings,
        activities,
        tasks);
  }

  private static Meeting meeting(
      UnitProfile unit, int quarter, LocalDateTime time, boolean leaderAway, Random rng) {
    UnitProfile.Staff s = unit.staff();
    List<Person> everyone = new ArrayList<>();
    everyone.add(s.leader());
    everyone.add(s.deputy());
    everyone.add(s.office());
    everyone.addAll(s.members());
    List<Absence> absent = new ArrayList<>();
    if (leaderAway) {
      absent.add(new Absence(s.leader(), "参加县里会议"));
    } else if (rng.nextInt(100) < 55) {
      Person p = s.members().get(rng.nextInt(s.members().size()));
      absent.add(new Absence(p, ABSENCE_REASONS.get(rng.nextInt(ABSENCE_REASONS.size()))));
    }
    List<Person> present = new ArrayList<>(everyone);
    absent.forEach(a -> present.remove(a.person()));
    return new Meeting(quarter, time, leaderAway ? s.deputy() : s.leader(), present, absent);
  }

  private static LocalDate between(LocalDate from, LocalDate to, Random rng) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(rng.nextInt((int) days + 1));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
