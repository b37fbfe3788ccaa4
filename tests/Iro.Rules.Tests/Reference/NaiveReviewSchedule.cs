using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Calendars;
using NodaTime;

namespace Iro.Rules.Tests.Reference;

/// <summary>
/// The review timetable (REV-1 to REV-4, periods from 1 April 2011) written the obvious way, independently of the
/// library: <see cref="DateTime"/> arithmetic, a day-by-day working-day loop and a list sort. The tests' oracle and the
/// benchmarks' baseline. Only the list of holiday dates comes from the library.
/// </summary>
public sealed class NaiveReviewSchedule
{
    private readonly HashSet<DateTime> holidays;

    public NaiveReviewSchedule(WorkingDayCalendar calendar) =>
        holidays = calendar.BankHolidays.All.Select(h => h.Date.ToDateTimeUnspecified()).ToHashSet();

    public (List<(DateTime HeldOn, DateTime DueBy, bool OnTime)> Reviews, DateTime NextDueBy, bool IsOverdue) Evaluate(
        DateTime periodStart, IEnumerable<DateTime> reviewDates, DateTime asOf)
    {
        var sorted = reviewDates.OrderBy(d => d).ToList();
        var results = new List<(DateTime, DateTime, bool)>();
        DateTime? previous = null;
        for (int i = 0; i <= sorted.Count; i++)
        {
            DateTime due = previous is null
                ? AddWorkingDays(periodStart, 20)
                : previous.Value.AddMonths(i == 1 ? 3 : 6);
            if (i == sorted.Count)
            {
                return (results, due, asOf > due);
            }

            results.Add((sorted[i], due, sorted[i] <= due));
            previous = sorted[i];
        }

        throw new InvalidOperationException("unreachable");
    }

    private DateTime AddWorkingDays(DateTime start, int n)
    {
        DateTime d = start;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday && !holidays.Contains(d))
            {
                n--;
            }
        }

        return d;
    }
}
