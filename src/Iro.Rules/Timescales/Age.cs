using System;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Timescales;

/// <summary>Ages and birthdays: a person attains an age at the start of the anniversary of their birth.</summary>
/// <remarks>
/// <para>Rule AGE-1. Citation: Family Law Reform Act 1969 s9(1) (from 1 January 1970); Age of Majority Act
/// (Northern Ireland) 1969 s5. Time of birth is irrelevant.</para>
/// <para>Born 2008-05-10: aged 15 on 2024-05-09 and 16 on 2024-05-10. Born 2008-02-29: 16 on 2024-02-29, and 18 on
/// 2026-03-01 under <see cref="LeapDayBirthday.March1"/> (the default) or 2026-02-28 under
/// <see cref="LeapDayBirthday.February28"/>. Born 2008-03-01: 17 on 2026-02-28.</para>
/// </remarks>
public static class Age
{
    /// <summary>The library's default for birthdays on 29 February (docs/rules.md AGE-1a).</summary>
    public const LeapDayBirthday DefaultLeapDayRule = LeapDayBirthday.March1;

    /// <summary>The date on which a person born on <paramref name="dateOfBirth"/> attains <paramref name="years"/> years, using the default leap-day rule (1 March).</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="years">The age, zero or more.</param>
    /// <returns>The anniversary date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative or over 200.</exception>
    public static LocalDate Anniversary(LocalDate dateOfBirth, int years) => Anniversary(dateOfBirth, years, DefaultLeapDayRule);

    /// <summary>The date on which a person born on <paramref name="dateOfBirth"/> attains <paramref name="years"/> years.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="years">The age, zero or more.</param>
    /// <param name="rule">The rule for a 29 February birthday in a common year.</param>
    /// <returns>The anniversary date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative or over 200, or <paramref name="rule"/> is not defined.</exception>
    public static LocalDate Anniversary(LocalDate dateOfBirth, int years, LeapDayBirthday rule)
    {
        Preconditions.CheckRange(years, 0, 200, nameof(years), "AGE-1");
        Preconditions.CheckDefined(rule, nameof(rule));
        Preconditions.CheckIsoCalendar(dateOfBirth, nameof(dateOfBirth));
        Preconditions.CheckRange(dateOfBirth.Year + years, 1, 9999, nameof(years), "AGE-1");
        return AnniversaryTrusted(dateOfBirth, years, rule);
    }

    /// <summary>The age in whole years on <paramref name="date"/>, using the default leap-day rule (1 March).</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="date">The date of the question, not before <paramref name="dateOfBirth"/>.</param>
    /// <returns>The completed years.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is before <paramref name="dateOfBirth"/>.</exception>
    public static int YearsOn(LocalDate dateOfBirth, LocalDate date) => YearsOn(dateOfBirth, date, DefaultLeapDayRule);

    /// <summary>The age in whole years on <paramref name="date"/>: the anniversary day itself counts as attained.</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="date">The date of the question, not before <paramref name="dateOfBirth"/>.</param>
    /// <param name="rule">The rule for a 29 February birthday in a common year.</param>
    /// <returns>The completed years.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is before <paramref name="dateOfBirth"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not defined.</exception>
    public static int YearsOn(LocalDate dateOfBirth, LocalDate date, LeapDayBirthday rule)
    {
        Preconditions.CheckDefined(rule, nameof(rule));
        Preconditions.CheckIsoCalendar(dateOfBirth, nameof(dateOfBirth));
        Preconditions.CheckIsoCalendar(date, nameof(date));
        if (date < dateOfBirth)
        {
            throw new ArgumentException(
                $"date was {DateFormat.Iso(date)}, before dateOfBirth {DateFormat.Iso(dateOfBirth)} (AGE-1): a date of birth cannot be after the date of the question.",
                nameof(date));
        }

        int years = date.Year - dateOfBirth.Year;
        return date < AnniversaryTrusted(dateOfBirth, years, rule) ? years - 1 : years;
    }

    /// <summary>Whether a person is at least <paramref name="years"/> old on <paramref name="date"/> (default leap-day rule).</summary>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="years">The age, zero or more.</param>
    /// <param name="date">The date of the question.</param>
    /// <returns><c>date &gt;= Anniversary(dateOfBirth, years)</c>.</returns>
    public static bool IsAtLeast(LocalDate dateOfBirth, int years, LocalDate date) => date >= Anniversary(dateOfBirth, years);

    internal static LocalDate AnniversaryTrusted(LocalDate dateOfBirth, int years, LeapDayBirthday rule)
    {
        int year = dateOfBirth.Year + years;
        if (dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !CalendarSystem.Iso.IsLeapYear(year))
        {
            return rule == LeapDayBirthday.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28);
        }

        return new LocalDate(year, dateOfBirth.Month, dateOfBirth.Day);
    }
}
