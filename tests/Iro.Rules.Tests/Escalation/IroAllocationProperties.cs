using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Tests.Calendars;

namespace Iro.Rules.Tests.Escalation;

/// <summary>IRO-1 (dates only) and IRO-3 (over a caseload) invariants.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries) }, MaxTest = 300)]
public class IroAllocationProperties
{
    [Property]
    public bool DatesOnly_MetExactlyWhenAllocatedByTheDueDate(MidRangeDate notified, int offset, int hours)
    {
        var policy = LocalPolicy.Default with { LocalAllocationHours = 1 + Math.Abs(hours % 200) };
        LocalDate allocated = notified.Value.PlusDays(offset % 30);
        LocalDate due = IroChecks.AllocationDueBy(notified.Value, policy);
        Outcome outcome = IroChecks.AllocatedInTimeByDate(notified.Value, allocated, due.PlusDays(40), policy).Outcome;
        return due > notified.Value && (outcome == Outcome.Met) == (allocated <= due);
    }

    [Property]
    public bool Counter_EveryChildLookedAfterWithAllocations_IsCountedOnce_WhateverTheOrder(int seed)
    {
        var random = new Random(seed);
        LocalDate asOf = new(2025, 6, 30);
        var children = new List<ChildCase>();
        for (int i = random.Next(0, 40); i > 0; i--)
        {
            LocalDate start = asOf.PlusDays(-random.Next(0, 400));
            LocalDate? end = random.Next(4) == 0 ? start.PlusDays(random.Next(1, 500)) : null;
            IroAllocation[]? allocations = random.Next(5) == 0 ? null
                : Enumerable.Range(0, random.Next(0, 3)).Select(_ => new IroAllocation("I" + random.Next(0, 4), start.PlusDays(random.Next(-30, 200)))).ToArray();
            children.Add(new ChildCase("C" + i, new LocalDate(2010, 1, 1), [new Episode(start, end, LegalStatus.C2, ReasonForNewEpisode.S)], []) { IroAllocations = allocations });
        }

        var forward = new IroCaseloadCounter(asOf);
        var backward = new IroCaseloadCounter(asOf);
        children.ForEach(forward.Add);
        Enumerable.Reverse(children).ToList().ForEach(backward.Add);
        int lookedAfter = children.Count(c => c.IroAllocations is not null && c.Episodes[0].Covers(asOf));
        IReadOnlyList<IroCaseload> loads = forward.Build();
        return loads.Sum(l => l.Children) + forward.ChildrenWithoutIro == lookedAfter
            && loads.SequenceEqual(backward.Build())
            && loads.All(l => l.Children > 0 && l.FullTimeEquivalent == 1.0m && !l.OnRoster);
    }
}
