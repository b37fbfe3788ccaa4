using FsCheck.Xunit;
using Iro.Rules.Calendars;
using Iro.Rules.Tests.Reference;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-1 and CAL-3 invariants, checked on random dates across the supported range.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries) }, MaxTest = 300)]
public class WorkingDayCalendarProperties
{
    private static readonly Dictionary<UkJurisdiction, NaiveWorkingDays> Naive =
        Enum.GetValues<UkJurisdiction>().ToDictionary(j => j, j => NaiveWorkingDays.For(WorkingDayCalendar.For(j)));

    [Property]
    public bool AddWorkingDays_NonZero_LandsOnAWorkingDay(UkJurisdiction j, MidRangeDate start, WorkingDayCount n)
    {
        var calendar = WorkingDayCalendar.For(j);
        return n.Value == 0 || calendar.IsWorkingDay(calendar.AddWorkingDays(start.Value, n.Value));
    }

    [Property]
    public bool AddWorkingDays_Zero_ReturnsStart(UkJurisdiction j, AnySupportedDate start) =>
        WorkingDayCalendar.For(j).AddWorkingDays(start.Value, 0) == start.Value;

    [Property]
    public bool WorkingDaysBetween_InvertsAddWorkingDays(UkJurisdiction j, MidRangeDate start, WorkingDayCount n)
    {
        var calendar = WorkingDayCalendar.For(j);
        int k = Math.Abs(n.Value);
        return calendar.WorkingDaysBetween(start.Value, calendar.AddWorkingDays(start.Value, k)) == k;
    }

    [Property]
    public bool AddWorkingDays_InvertsWorkingDaysBetween_ForAWorkingDayAfterStart(UkJurisdiction j, MidRangeDate start, MidRangeDate end)
    {
        var calendar = WorkingDayCalendar.For(j);
        if (end.Value <= start.Value || !calendar.IsWorkingDay(end.Value))
        {
            return true;
        }

        return calendar.AddWorkingDays(start.Value, calendar.WorkingDaysBetween(start.Value, end.Value)) == end.Value;
    }

    [Property]
    public bool WorkingDaysBetween_IsAntisymmetric(UkJurisdiction j, AnySupportedDate a, AnySupportedDate b)
    {
        var calendar = WorkingDayCalendar.For(j);
        return calendar.WorkingDaysBetween(a.Value, b.Value) == -calendar.WorkingDaysBetween(b.Value, a.Value);
    }

    [Property]
    public bool AddWorkingDays_IsMonotonicInCount(UkJurisdiction j, MidRangeDate start, WorkingDayCount a, WorkingDayCount b)
    {
        var calendar = WorkingDayCalendar.For(j);
        (int lo, int hi) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        LocalDate low = calendar.AddWorkingDays(start.Value, lo);
        LocalDate high = calendar.AddWorkingDays(start.Value, hi);
        return lo == hi ? low == high : low <= high && (lo == 0 || hi == 0 || low < high);
    }

    [Property]
    public bool AddWorkingDays_IsMonotonicInStart(UkJurisdiction j, MidRangeDate a, MidRangeDate b, WorkingDayCount n)
    {
        var calendar = WorkingDayCalendar.For(j);
        (LocalDate early, LocalDate late) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return calendar.AddWorkingDays(early, n.Value) <= calendar.AddWorkingDays(late, n.Value);
    }

    [Property]
    public bool AddWorkingDays_Composes_ForPositiveCounts(UkJurisdiction j, MidRangeDate start, WorkingDayCount a, WorkingDayCount b)
    {
        var calendar = WorkingDayCalendar.For(j);
        int x = Math.Abs(a.Value) / 2 + 1, y = Math.Abs(b.Value) / 2 + 1;
        return calendar.AddWorkingDays(calendar.AddWorkingDays(start.Value, x), y) == calendar.AddWorkingDays(start.Value, x + y);
    }

    [Property(MaxTest = 500)]
    public void AddWorkingDays_AgreesWithDayByDayReference_AcrossTheWholeRange(UkJurisdiction j, AnySupportedDate start, WorkingDayCount n)
    {
        var calendar = WorkingDayCalendar.For(j);
        LocalDate expected = Naive[j].Add(start.Value, n.Value);
        if (expected < WorkingDayCalendar.MinDate || expected > WorkingDayCalendar.MaxDate)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(start.Value, n.Value));
        }
        else
        {
            Assert.Equal(expected, calendar.AddWorkingDays(start.Value, n.Value));
        }
    }

    [Property(MaxTest = 500)]
    public bool IsWorkingDay_AgreesWithDayByDayReference(UkJurisdiction j, AnySupportedDate date) =>
        WorkingDayCalendar.For(j).IsWorkingDay(date.Value) == Naive[j].IsWorkingDay(date.Value);

    [Property(MaxTest = 200)]
    public bool WorkingDaysBetween_AgreesWithDayByDayReference(UkJurisdiction j, AnySupportedDate start, WorkingDayCount days)
    {
        LocalDate end = start.Value.PlusDays(days.Value);
        if (end < WorkingDayCalendar.MinDate || end > WorkingDayCalendar.MaxDate)
        {
            return true;
        }

        return WorkingDayCalendar.For(j).WorkingDaysBetween(start.Value, end) == Naive[j].Between(start.Value, end);
    }

    [Property(MaxTest = 100)]
    public bool Explain_AgreesWithAddWorkingDays_AndSkipsOnlyNonWorkingWeekdays(UkJurisdiction j, MidRangeDate start, WorkingDayCount n)
    {
        var calendar = WorkingDayCalendar.For(j);
        var explanation = calendar.Explain(start.Value, n.Value);
        return explanation.Result == calendar.AddWorkingDays(start.Value, n.Value)
            && explanation.Skipped.All(h => !calendar.IsWorkingDay(h.Date) && h.Date.DayOfWeek < IsoDayOfWeek.Saturday)
            && explanation.Summary.StartsWith(explanation.Result.ToString("uuuu-MM-dd", null), StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public bool AnyUkPart_WorkingDay_IsAWorkingDayInEveryPart(AnySupportedDate date) =>
        !WorkingDayCalendar.AnyUkPart.IsWorkingDay(date.Value)
        || Enum.GetValues<UkJurisdiction>().All(j => WorkingDayCalendar.For(j).IsWorkingDay(date.Value));
}
