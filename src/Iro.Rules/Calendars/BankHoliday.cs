using System;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>One weekday taken off as a bank or public holiday in a part of the UK.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rule CAL-2; citation: Banking and Financial Dealings Act 1971 s1 and Schedule 1.</para>
/// <para>Naming convention: <see cref="Name"/> is GOV.UK's title for the day (with its typographic apostrophe, as in
/// "New Year’s Day"), followed by " (substitute day)" when the day is the weekday taken off for a holiday that falls at a
/// weekend; for example "Christmas Day (substitute day)" for Monday 27 December 2021. A calendar lists only days
/// actually taken off, so a holiday falling on a Saturday or Sunday appears only as its substitute.</para>
/// </remarks>
public sealed record BankHoliday
{
    /// <summary>The suffix added to <see cref="Name"/> for a weekday substitute.</summary>
    public const string SubstituteSuffix = " (substitute day)";

    /// <summary>Creates a bank holiday.</summary>
    /// <param name="date">The day taken off, in the ISO calendar.</param>
    /// <param name="name">The day's name, for example "Early May bank holiday"; not empty.</param>
    /// <param name="source">Where the day comes from.</param>
    /// <param name="isSubstitute">Whether the day is the weekday substitute for a holiday that falls at a weekend.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not a defined value.</exception>
    public BankHoliday(LocalDate date, string name, BankHolidaySource source, bool isSubstitute = false)
    {
        Preconditions.CheckIsoCalendar(date, nameof(date));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A bank holiday's name must not be empty.", nameof(name));
        }

        Preconditions.CheckDefined(source, nameof(source));
        Date = date;
        Name = name;
        Source = source;
        IsSubstitute = isSubstitute;
    }

    /// <summary>The day taken off.</summary>
    public LocalDate Date { get; }

    /// <summary>GOV.UK's name for the day, with " (substitute day)" appended for a weekday substitute.</summary>
    public string Name { get; }

    /// <summary>Where the day comes from: statute, common law, proclamation practice, a one-off proclamation, the GOV.UK feed, a projection, the caller, or a local closure.</summary>
    public BankHolidaySource Source { get; }

    /// <summary>Whether this is the weekday substitute for a holiday that falls on a Saturday or Sunday.</summary>
    public bool IsSubstitute { get; }

    /// <summary>Returns the name and the ISO date, for example "Good Friday 2025-04-18".</summary>
    /// <returns>The name, a space and the date.</returns>
    public override string ToString() => $"{Name} {DateFormat.Iso(Date)}";
}
