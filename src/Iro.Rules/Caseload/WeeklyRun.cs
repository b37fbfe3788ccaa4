using System.Collections.Generic;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>What every weekly rule is given besides the view and the child's flag buffer: the policy, the calendar and the look-ahead.</summary>
internal sealed class WeeklyRun
{
    public WeeklyRun(LocalPolicy policy, WorkingDayCalendar calendar, int dueSoonDays)
    {
        Policy = policy;
        Calendar = calendar;
        DueSoonDays = dueSoonDays;
        foreach (Legal.LegalStatus status in policy.Section20LegalStatuses)
        {
            Section20Mask |= 1 << ((int)status & 31);
        }
    }

    public LocalPolicy Policy { get; }

    public WorkingDayCalendar Calendar { get; }

    public int DueSoonDays { get; }

    /// <summary>One bit per legal status the policy counts as Section 20 (as <see cref="ChildIndex.StatusMask"/>).</summary>
    public int Section20Mask { get; }

    /// <summary>Adds a flag built from the rule's own finding.</summary>
    public static void Add(List<CaseloadFlag> flags, in ChildView view, FlagStatus status, LocalDate date, Finding finding) =>
        flags.Add(new CaseloadFlag(view.Child.Id, status, date, finding));

    /// <summary>Whether a deadline not yet passed is within the look-ahead.</summary>
    public bool DueSoon(LocalDate asOf, LocalDate dueBy) => Period.DaysBetween(asOf, dueBy) <= DueSoonDays;
}
