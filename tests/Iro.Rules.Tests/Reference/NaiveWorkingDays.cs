using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Calendars;
using NodaTime;

namespace Iro.Rules.Tests.Reference;

/// <summary>
/// The obvious day-by-day working-day count, written independently of the library's tables: the test oracle for
/// <see cref="WorkingDayCalendar"/> and the benchmarks' baseline. Only the list of holiday dates comes from the library.
/// </summary>
public sealed class NaiveWorkingDays
{
    private readonly HashSet<LocalDate> holidays;

    public NaiveWorkingDays(IEnumerable<LocalDate> holidays) => this.holidays = new HashSet<LocalDate>(holidays);

    public static NaiveWorkingDays For(WorkingDayCalendar calendar) =>
        new(calendar.BankHolidays.All.Select(h => h.Date).Concat(calendar.ClosureDays));

    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek != IsoDayOfWeek.Saturday && date.DayOfWeek != IsoDayOfWeek.Sunday && !holidays.Contains(date);

    public LocalDate Add(LocalDate start, int workingDays)
    {
        int step = workingDays >= 0 ? 1 : -1;
        int remaining = Math.Abs(workingDays);
        LocalDate date = start;
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public int Between(LocalDate start, LocalDate end)
    {
        int sign = end >= start ? 1 : -1;
        (LocalDate low, LocalDate high) = end >= start ? (start, end) : (end, start);
        int count = 0;
        for (LocalDate d = low.PlusDays(1); d <= high; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return sign * count;
    }
}
