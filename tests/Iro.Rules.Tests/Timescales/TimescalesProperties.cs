using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Tests.Calendars;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Timescales;

/// <summary>CAL-4 and AGE-1 invariants.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries), typeof(TimescalesProperties.Arbs) }, MaxTest = 300)]
public class TimescalesProperties
{
    public readonly record struct Months(int Value);

    public static class Arbs
    {
        public static Arbitrary<Months> Months() => Gen.Choose(0, 240).Select(m => new Months(m)).ToArbitrary();

        public static Arbitrary<LeapDayBirthday> Rule() => Gen.Elements(LeapDayBirthday.March1, LeapDayBirthday.February28).ToArbitrary();
    }

    [Property]
    public bool CalendarMonths_Add_LandsInTheTargetMonth_NeverOvershooting(MidRangeDate anchor, Months months)
    {
        LocalDate result = CalendarMonths.Add(anchor.Value, months.Value);
        int targetMonthIndex = anchor.Value.Year * 12 + anchor.Value.Month - 1 + months.Value;
        return result.Year * 12 + result.Month - 1 == targetMonthIndex
            && (result.Day == anchor.Value.Day || (result.Day < anchor.Value.Day && result.Day == CalendarSystem.Iso.GetDaysInMonth(result.Year, result.Month)));
    }

    [Property]
    public bool CalendarMonths_Add_AgreesWithDateTimeAddMonths(MidRangeDate anchor, Months months) =>
        CalendarMonths.Add(anchor.Value, months.Value) == LocalDate.FromDateTime(anchor.Value.ToDateTimeUnspecified().AddMonths(months.Value));

    [Property]
    public bool IsoDateText_AgreesWithNodaTimesPattern(MidRangeDate date, int anyDay)
    {
        LocalDate far = new LocalDate(1, 1, 1).PlusDays(Math.Abs(anyDay % 3_652_059)); // any day in years 1-9999
        return Iro.Rules.Internal.DateFormat.Iso(date.Value) == date.Value.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            && Iro.Rules.Internal.DateFormat.Iso(far) == far.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Property]
    public bool CalendarMonths_Add_IsMonotonicInAnchor(MidRangeDate a, MidRangeDate b, Months months)
    {
        (LocalDate early, LocalDate late) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return CalendarMonths.Add(early, months.Value) <= CalendarMonths.Add(late, months.Value);
    }

    [Property]
    public bool Age_YearsOn_IncreasesByExactlyOneOnEachAnniversary(MidRangeDate dob, Months years, LeapDayBirthday rule)
    {
        int n = years.Value % 100 + 1;
        // The anniversary worked out here, independently of the library: the same day and month n years on, and
        // for a 29 February birth in a common year, 1 March or 28 February as the rule says.
        int year = dob.Value.Year + n;
        bool leapBirth = dob.Value.Month == 2 && dob.Value.Day == 29;
        LocalDate birthday = leapBirth && !DateTime.IsLeapYear(year)
            ? (rule == LeapDayBirthday.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28))
            : new LocalDate(year, dob.Value.Month, dob.Value.Day);
        return Age.YearsOn(dob.Value, birthday, rule) == n && Age.YearsOn(dob.Value, birthday.PlusDays(-1), rule) == n - 1;
    }

    [Property]
    public bool Age_YearsOn_IsMonotonic(MidRangeDate dob, MidRangeDate a, MidRangeDate b, LeapDayBirthday rule)
    {
        (LocalDate early, LocalDate late) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        if (early < dob.Value)
        {
            return true;
        }

        return Age.YearsOn(dob.Value, early, rule) <= Age.YearsOn(dob.Value, late, rule);
    }
}
