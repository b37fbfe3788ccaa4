using System.Collections.Generic;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Calendars;

/// <summary>The result of a working-day count with the holidays it skipped, and a one-line explanation.</summary>
/// <remarks>Immutable and thread-safe. Rule CAL-3; citation: <i>Zoan v Rouamba</i> [2000] 1 WLR 1509 (CA) with CPPCR 2010 reg 2(1).</remarks>
/// <param name="Start">The event day (day 0).</param>
/// <param name="WorkingDays">The number of working days counted; negative counts back.</param>
/// <param name="Result">The working day reached.</param>
/// <param name="Skipped">The weekday holidays and closure days strictly between <paramref name="Start"/> and <paramref name="Result"/>, in date order.</param>
/// <param name="Calendar">The calendar used.</param>
/// <param name="Finding">The rule id, citation and one-line summary.</param>
public sealed record WorkingDayExplanation(
    LocalDate Start,
    int WorkingDays,
    LocalDate Result,
    IReadOnlyList<BankHoliday> Skipped,
    WorkingDayCalendar Calendar,
    Finding Finding)
{
    /// <summary>The one-line explanation, for example "2027-01-20 is 20 working days after 2026-12-18, skipping Christmas Day 2026-12-25, Boxing Day (substitute day) 2026-12-28 and New Year’s Day 2027-01-01".</summary>
    public string Summary => Finding.Summary;

    /// <summary>Returns <see cref="Summary"/>.</summary>
    /// <returns>The one-line explanation.</returns>
    public override string ToString() => Summary;
}
