using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>Which statutory timetable a period of care follows.</summary>
/// <remarks>Rules REV-1 to REV-3 and REV-9; citations: CPPCR 2010 regs 33 and 48; RCCR 1991 reg 3 before 1 April 2011.</remarks>
public enum ReviewTimetableKind
{
    /// <summary>CPPCR 2010 reg 33 (or, for a period that began before 1 April 2011, the Review of Children's Cases Regulations 1991 reg 3).</summary>
    Ordinary = 0,

    /// <summary>CPPCR 2010 reg 48: a child on pre-planned short breaks: first review within 3 months of the first placement, then 6-monthly (REV-9).</summary>
    ShortBreaks = 1,
}

/// <summary>
/// The review timetables in force over time, as data: the next change of law is a new row, not new code.
/// </summary>
/// <remarks>
/// A period's first review follows the regime in force on the day the period began; every later review follows the
/// regime in force on the day of the previous review, from which its interval runs.
/// </remarks>
internal static class ReviewTimetable
{
    internal enum FirstLimitUnit
    {
        WorkingDays,
        Days,
        Months,
    }

    /// <summary>One regime: the first-review limit, the second and later intervals, and their citations.</summary>
    internal sealed record Regime(
        LocalDate InForceFrom,
        FirstLimitUnit FirstUnit,
        int FirstAmount,
        string FirstWords,
        int SecondMonths,
        int LaterMonths,
        RuleId FirstRule,
        Citation FirstCitation,
        Citation LaterCitation);

    private static readonly Regime Rccr1991 = new(
        new LocalDate(1991, 10, 14), FirstLimitUnit.Days, 28, "4 weeks", 3, 6, RuleId.FirstReview, Citations.Reviews1991, Citations.Reviews1991);

    private static readonly Regime Cppcr2010 = new(
        new LocalDate(2011, 4, 1), FirstLimitUnit.WorkingDays, 20, "20 working days", 3, 6, RuleId.FirstReview, Citations.FirstReview, Citations.LaterReviews);

    private static readonly Regime ShortBreaks2010 = new(
        new LocalDate(2011, 4, 1), FirstLimitUnit.Months, 3, "3 months", 6, 6, RuleId.ShortBreaks, Citations.ShortBreaks, Citations.ShortBreaks);

    /// <summary>The ordinary regimes, latest first. A period before the earliest takes the earliest.</summary>
    private static readonly Regime[] Ordinary = { Cppcr2010, Rccr1991 };

    internal static Regime For(ReviewTimetableKind kind, LocalDate on)
    {
        if (kind == ReviewTimetableKind.ShortBreaks)
        {
            return ShortBreaks2010;
        }

        for (int i = 0; i < Ordinary.Length; i++)
        {
            if (on >= Ordinary[i].InForceFrom)
            {
                return Ordinary[i];
            }
        }

        return Ordinary[^1];
    }

    /// <summary>The earliest date any review timetable is modelled from: the Review of Children's Cases Regulations 1991 came into force on 14 October 1991.</summary>
    internal static LocalDate EarliestStart => Rccr1991.InForceFrom;

    /// <summary>The first date the short-break timetable (CPPCR 2010 reg 48) applies.</summary>
    internal static LocalDate ShortBreaksFrom => ShortBreaks2010.InForceFrom;

    /// <summary>The first review's due date; <see langword="false"/> when a working-day count leaves the supported range.</summary>
    internal static bool TryFirstDue(Regime regime, LocalDate anchor, WorkingDayCalendar calendar, LocalPolicy policy, out LocalDate due)
    {
        switch (regime.FirstUnit)
        {
            case FirstLimitUnit.WorkingDays:
                return policy.TryAddWorkingDays(calendar, anchor, regime.FirstAmount, out due);
            case FirstLimitUnit.Days:
                due = anchor.PlusDays(regime.FirstAmount);
                return true;
            default:
                due = CalendarMonths.Add(anchor, regime.FirstAmount);
                return true;
        }
    }
}
