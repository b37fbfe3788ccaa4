using FsCheck.Xunit;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Tests.Calendars;

namespace Iro.Rules.Tests.Escalation;

/// <summary>DRP-1 invariants.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries) }, MaxTest = 300)]
public class EscalationProperties
{
    [Property]
    public bool Deadline_IsAlwaysAWorkingDay(MidRangeDate start) =>
        WorkingDayCalendar.EnglandAndWales.IsWorkingDay(DisputeResolution.DeadlineFrom(start.Value));

    [Property]
    public bool MovingTheStartLater_NeverMovesTheDeadlineEarlier(MidRangeDate a, MidRangeDate b)
    {
        (LocalDate early, LocalDate late) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return DisputeResolution.DeadlineFrom(early) <= DisputeResolution.DeadlineFrom(late);
    }
}
