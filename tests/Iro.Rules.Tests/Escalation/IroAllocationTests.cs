using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Escalation;

/// <summary>IRO allocations on the record: IRO-1 with dates only (the rule, the weekly list, the annual figures) and IRO-3 over a caseload.</summary>
public class IroAllocationTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static ChildCase InCare(string id, string start, string? end = null, IReadOnlyList<IroAllocation>? allocations = null, params string[] reviews) =>
        new(id, D("2015-03-01"), [new Episode(D(start), end is null ? null : D(end), LegalStatus.C2, ReasonForNewEpisode.S, "U1")],
            reviews.Select(r => new CaseReview(D(r), ParticipationCode.PN1)))
        {
            IroAllocations = allocations,
        };

    private static IroAllocation A(string iro, string from) => new(iro, D(from));

    // RULES.md IRO-1, dates only: "compliant when allocation date <= notification date + 1 calendar day".
    [Theory]
    [InlineData("2024-12-01", Outcome.Met)] // already allocated (an earlier period's IRO)
    [InlineData("2025-01-06", Outcome.Met)] // the day of notification
    [InlineData("2025-01-07", Outcome.Met)] // the next day: within 24 hours
    [InlineData("2025-01-08", Outcome.NotMet)]
    public void Iro1_DatesOnly_NextDayIsInTime(string allocated, Outcome expected)
    {
        Finding f = IroChecks.AllocatedInTimeByDate(D("2025-01-06"), D(allocated), D("2025-03-01"));
        Assert.Equal(expected, f.Outcome);
        Assert.Equal(RuleId.IroAppointment, f.Rule);
        Assert.Equal(expected == Outcome.NotMet ? ReasonCodes.NotAllocatedInTime : null, f.Reason);
        Assert.Contains("2025-01-07", f.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-06", Outcome.Pending)]
    [InlineData("2025-01-07", Outcome.Pending)] // the due date itself
    [InlineData("2025-01-08", Outcome.NotMet)]
    public void Iro1_DatesOnly_NoneAllocated_PendingToTheDueDate(string asOf, Outcome expected) =>
        Assert.Equal(expected, IroChecks.AllocatedInTimeByDate(D("2025-01-06"), null, D(asOf)).Outcome);

    [Theory]
    [InlineData(24, "2025-01-07")]
    [InlineData(25, "2025-01-08")] // part of a day counts as a day
    [InlineData(72, "2025-01-09")] // Lancashire's 3 days
    public void Iro1_DueBy_HoursInWholeDaysRoundedUp(int hours, string due) =>
        Assert.Equal(D(due), IroChecks.AllocationDueBy(D("2025-01-06"), LocalPolicy.Default with { LocalAllocationHours = hours }));

    [Theory]
    [InlineData("2024-02-28", "2024-02-29")]
    [InlineData("2024-02-29", "2024-03-01")]
    [InlineData("2025-03-31", "2025-04-01")] // across a reporting year end
    [InlineData("2025-12-31", "2026-01-01")]
    public void Iro1_DueBy_CalendarDays(string notified, string due) => Assert.Equal(D(due), IroChecks.AllocationDueBy(D(notified)));

    [Fact]
    public void Iro1_DueBy_PastTheSupportedRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IroChecks.AllocationDueBy(D("2100-12-31")));

    [Fact]
    public void Iro1_Statutory_FirstReview20250203_Appointed20250204_IsABreachWithItsReasonCode()
    {
        Finding f = IroChecks.AppointedBeforeFirstReview(D("2025-02-04"), D("2025-02-03"));
        Assert.Equal(Outcome.NotMet, f.Outcome);
        Assert.Equal(ReasonCodes.NotAppointedBeforeFirstReview, f.Reason);
        Assert.Null(IroChecks.AppointedBeforeFirstReview(D("2025-02-03"), D("2025-02-03")).Reason);
    }

    [Theory]
    [InlineData(69, CaseloadBand.Within)]
    [InlineData(70, CaseloadBand.Within)]
    [InlineData(71, CaseloadBand.Above)]
    [InlineData(50, CaseloadBand.Within)]
    [InlineData(49, CaseloadBand.Below)]
    public void Iro3_RangeEnds(int children, CaseloadBand band) => Assert.Equal(band, IroChecks.Caseload(children, 1.0m).Band);

    [Fact]
    public void AllocationOn_TheLatestOnOrBeforeTheDate()
    {
        ChildCase child = InCare("1", "2025-01-06", allocations: [A("B", "2025-03-01"), A("A", "2025-01-06"), A("C", "2025-03-01")]);
        Assert.Null(IroChecks.AllocationOn(child, D("2025-01-05")));
        Assert.Equal("A", IroChecks.AllocationOn(child, D("2025-01-06"))?.Iro);
        Assert.Equal("A", IroChecks.AllocationOn(child, D("2025-02-28"))?.Iro);
        Assert.Equal("C", IroChecks.AllocationOn(child, D("2025-03-01"))?.Iro); // two the same day: the later in the list
        Assert.Null(IroChecks.AllocationOn(InCare("2", "2025-01-06"), D("2025-03-01"))); // allocations not recorded
    }

    /// <summary>Looked after 2023-05-01 to 2023-09-01 with IRO-A from 2023-05-02, then again from 2025-10-01 (RNE S).</summary>
    private static ChildCase CameBack(params IroAllocation[] allocations) =>
        new("1010", D("2012-03-01"),
            [
                new Episode(D("2023-05-01"), D("2023-09-01"), LegalStatus.C2, ReasonForNewEpisode.S, "U1"),
                new Episode(D("2025-10-01"), null, LegalStatus.C2, ReasonForNewEpisode.S, "U1"),
            ],
            [])
        {
            IroAllocations = allocations,
        };

    // Regression (review of issue K): an allocation made in an earlier period of care carried over to the next one, so a
    // child back in care with no IRO raised no IRO-1 flag and counted in the old IRO's caseload (CA 1989 s25A: the
    // appointment is for a looked after child).
    [Fact]
    public void AnEarlierPeriodsAllocation_EndsWithThatPeriod()
    {
        ChildCase child = CameBack(A("IRO-A", "2023-05-02"));
        Assert.Equal("IRO-A", IroChecks.AllocationOn(child, D("2023-08-31"))?.Iro);
        Assert.Null(IroChecks.AllocationOn(child, D("2025-11-10")));

        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(child, D("2025-11-10")).Flags, f => f.Finding.Rule == RuleId.IroAppointment);
        Assert.Equal(FlagStatus.Overdue, flag.Status);
        Assert.Equal(D("2025-10-02"), flag.Date); // notified 2025-10-01, due the next day
        Assert.Equal(ReasonCodes.NotAllocatedInTime, flag.Finding.Reason);

        var counter = new IroCaseloadCounter(D("2025-11-10"));
        counter.Add(child);
        Assert.Empty(counter.Build());
        Assert.Equal(1, counter.ChildrenWithoutIro);
    }

    [Theory]
    [InlineData("2023-09-01", false)] // the day the earlier period ended: that period's
    [InlineData("2023-09-02", true)] // after it ended, before the new one began: ahead of a planned admission
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", true)] // the new period's first day
    public void AnAllocationBetweenPeriods_CountsForTheNextOne(string from, bool counts)
    {
        ChildCase child = CameBack(A("IRO-B", from));
        Assert.Equal(counts ? "IRO-B" : null, IroChecks.AllocationOn(child, D("2025-11-10"))?.Iro);
        Assert.Equal(!counts, new CaseloadEvaluator().EvaluateChild(child, D("2025-11-10")).Flags.Any(f => f.Finding.Rule == RuleId.IroAppointment));
    }

    // Regression (review of issue K): a child with no IRO at all, in a period known only in part (903-W), raised no IRO-1
    // flag although it counted among the children looked after with no IRO allocated.
    [Fact]
    public void APeriodKnownInPart_WithNoIro_IsFlaggedAsAVacancy()
    {
        var child = new ChildCase("1004", D("2012-03-01"), [new Episode(D("2024-01-08"), null, LegalStatus.C2, ReasonForNewEpisode.P, "U1")], [new CaseReview(D("2025-05-01"), ParticipationCode.PN1)])
        {
            IroAllocations = [],
            KnownFrom = D("2025-04-01"),
        };
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(child, D("2025-11-10")).Flags, f => f.Finding.Rule == RuleId.IroAppointment);
        Assert.Equal(FlagStatus.Overdue, flag.Status);
        Assert.Equal(ReasonCodes.NotAllocatedInTime, flag.Finding.Reason); // not the first-review finding: that review is unknown

        ChildCase allocated = child with { IroAllocations = [A("IRO-A", "2024-01-08")] };
        Assert.DoesNotContain(new CaseloadEvaluator().EvaluateChild(allocated, D("2025-11-10")).Flags, f => f.Finding.Rule == RuleId.IroAppointment);
    }

    [Fact]
    public void Roster_AnIroNotListedIsFullTime_AndBadEntriesAreRefused()
    {
        var roster = new IroRoster([new("A", 0.6m), new("B", 1.0m)]);
        Assert.Equal(0.6m, roster.FullTimeEquivalentOf("A"));
        Assert.Equal(1.0m, roster.FullTimeEquivalentOf("Z"));
        Assert.False(roster.Contains("a")); // identifiers match exactly
        Assert.Equal(["A", "B"], roster.Iros);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IroRoster([new("A", 0m)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IroRoster([new("A", 1.6m)]));
        Assert.Throws<ArgumentException>(() => new IroRoster([new("A", 1m), new("A", 0.5m)]));
        Assert.Throws<ArgumentException>(() => new IroRoster([new(" ", 1m)]));
    }

    [Fact]
    public void Counter_RulesMdExamples_OnePassOverTheCaseload()
    {
        LocalDate asOf = D("2025-06-30");
        var children = new List<ChildCase>();
        void Add(string iro, int n)
        {
            for (int i = 0; i < n; i++)
            {
                children.Add(InCare($"{iro}{i}", "2025-01-06", allocations: [A("OLD", "2025-01-06"), A(iro, "2025-02-01")]));
            }
        }

        Add("A", 72); // 1.0 FTE (not on the roster): above
        Add("B", 40); // 0.6 FTE: 30-42, within
        Add("C", 45); // 1.0 FTE: below
        children.Add(InCare("left", "2025-01-06", "2025-06-30", [A("A", "2025-01-06")])); // left care on the as-of date: not counted
        children.Add(InCare("none", "2025-01-06", allocations: [])); // looked after, no IRO
        children.Add(InCare("later", "2025-01-06", allocations: [A("A", "2025-07-01")])); // allocated after the as-of date: no IRO yet
        children.Add(InCare("unrecorded", "2025-01-06")); // allocations not recorded: not counted anywhere

        var counter = new IroCaseloadCounter(asOf, new IroRoster([new("B", 0.6m), new("D", 1.0m)]));
        System.Threading.Tasks.Parallel.ForEach(children, counter.Add); // thread-safe

        IroCaseload[] loads = counter.Build().ToArray();
        Assert.Equal(["A", "B", "C", "D"], loads.Select(l => l.Iro));
        Assert.Equal([72, 40, 45, 0], loads.Select(l => l.Children));
        Assert.Equal([CaseloadBand.Above, CaseloadBand.Within, CaseloadBand.Below, CaseloadBand.Below], loads.Select(l => l.Assessment.Band));
        Assert.Equal([false, true, false, true], loads.Select(l => l.OnRoster));
        Assert.Equal(42m, loads[1].Assessment.Maximum);
        Assert.Equal(Outcome.NotMet, loads[0].Assessment.Finding.Outcome);
        Assert.Equal(Outcome.Information, loads[2].Assessment.Finding.Outcome);
        Assert.Equal(2, counter.ChildrenWithoutIro);
    }

    // The weekly list: no IRO allocated to a child in a current period.
    [Theory]
    [InlineData("2025-01-06", FlagStatus.DueSoon)]
    [InlineData("2025-01-07", FlagStatus.DueSoon)] // the due date itself
    [InlineData("2025-01-08", FlagStatus.Overdue)]
    public void Weekly_NoIroAllocated_DueSoonThenOverdue(string asOf, FlagStatus status)
    {
        CaseloadFlag flag = Assert.Single(IroFlags(InCare("1", "2025-01-06", allocations: []), D(asOf)));
        Assert.Equal(status, flag.Status);
        Assert.Equal(D("2025-01-07"), flag.Date);
        Assert.Equal(status == FlagStatus.Overdue ? Outcome.NotMet : Outcome.Pending, flag.Finding.Outcome);
    }

    [Fact]
    public void Weekly_FirstReviewHeldWithoutAnIro_IsTheStatutoryBreach()
    {
        CaseloadFlag flag = Assert.Single(IroFlags(InCare("1", "2025-01-06", null, [], "2025-02-03"), D("2025-02-10")));
        Assert.Equal(FlagStatus.Overdue, flag.Status);
        Assert.Equal(ReasonCodes.NotAppointedBeforeFirstReview, flag.Finding.Reason);
        Assert.Equal("No IRO appointed by the first review on 2025-02-03 (IRO-1.NotAppointedBeforeFirstReview).", flag.Reason);
    }

    [Theory]
    [InlineData("2025-01-20")] // allocated late, but allocated: nothing open
    [InlineData("2023-05-01")] // an IRO already in place from an earlier allocation
    public void Weekly_AnIroAllocated_NoFlag(string from) =>
        Assert.Empty(IroFlags(InCare("1", "2025-01-06", null, [A("A", from)], "2025-02-03"), D("2025-03-01")));

    [Fact]
    public void Weekly_AllocationsNotRecorded_NoFlag_KnownInPart_OnlyTheVacancy()
    {
        Assert.Empty(IroFlags(InCare("1", "2025-01-06"), D("2025-03-01")));
        Assert.Empty(IroFlags(InCare("1", "2025-01-06", null, [A("A", "2025-01-20")], "2025-02-03") with { KnownFrom = D("2025-04-01") }, D("2025-06-01"))); // 903-W: the first review's IRO is not judged
        Assert.Single(IroFlags(InCare("1", "2025-01-06", allocations: []) with { KnownFrom = D("2025-04-01") }, D("2025-06-01"))); // 903-W: no IRO on the as-of date
        Assert.Single(IroFlags(InCare("1", "2025-04-07", allocations: []) with { KnownFrom = D("2025-04-01") }, D("2025-06-01")));
        Assert.Empty(IroFlags(InCare("1", "2025-01-06", "2025-02-01", []), D("2025-03-01"))); // not looked after
    }

    [Theory]
    [InlineData(" ", "IN-IRO-ALLOCATION")]
    [InlineData("", "IN-IRO-ALLOCATION")]
    public void Validator_BlankIro_IsNotEvaluated(string iro, string code)
    {
        ChildEvaluation e = new CaseloadEvaluator().EvaluateChild(InCare("1", "2025-01-06", allocations: [new IroAllocation(iro, D("2025-01-06"))]), D("2025-03-01"));
        Assert.False(e.Evaluated);
        Assert.Equal(code, Assert.Single(e.Rejections).Code);
        Assert.Empty(e.Flags);
    }

    [Fact]
    public void Validator_AllocationDateOutOfRange_IsNotEvaluated()
    {
        ChildEvaluation e = new CaseloadEvaluator().EvaluateChild(InCare("1", "2025-01-06", allocations: [A("A", "1899-12-31")]), D("2025-03-01"));
        Rejection r = Assert.Single(e.Rejections);
        Assert.Equal(("IN-DATE-RANGE", "IroAllocations", "1899-12-31"), (r.Code, r.Field, r.Value));
    }

    [Fact]
    public void AnnualFigures_Iro1_PeriodsStartingInTheYear_AndFirstReviewsHeldInIt()
    {
        var year = new ReportingYear(2024);
        ChildCase[] children =
        [
            InCare("met", "2024-05-01", null, [A("A", "2024-05-02")], "2024-05-20"),                  // in time; before the first review
            InCare("late", "2024-06-03", null, [A("A", "2024-06-05")], "2024-06-04"),                 // late; after the first review
            InCare("none", "2024-07-01", null, [], "2024-07-20"),                                     // never; first review without one
            InCare("march", "2025-03-31", null, [A("B", "2025-04-01")], "2025-04-20"),                // in time (the next day); review next year
            InCare("before", "2024-02-01", null, [A("B", "2024-02-01")], "2024-02-20", "2024-05-01"), // began last year: neither
            InCare("unrecorded", "2024-05-01", null, null, "2024-05-20"),                             // not counted
            InCare("window", "2024-05-01", null, [], "2024-05-20") with { KnownFrom = D("2024-06-01") }, // 903-W: not determined
        ];
        CaseloadFigures figures = AnnualFigures.Compute(children, year);
        Figure inTime = figures["iro_allocated_in_time"];
        Assert.Equal((2, 4, 1), (inTime.Numerator, inTime.Denominator, inTime.NotDetermined));
        Figure beforeReview = figures["iro_appointed_before_first_review"];
        Assert.Equal((1, 3), (beforeReview.Numerator, beforeReview.Denominator));

        CaseloadFigures unrecorded = AnnualFigures.Compute(children, year, recorded: RecordedFacts.None);
        Assert.False(unrecorded["iro_allocated_in_time"].Recorded);
        Assert.Null(unrecorded["iro_appointed_before_first_review"].Percent);
    }

    private static IReadOnlyList<CaseloadFlag> IroFlags(ChildCase child, LocalDate asOf)
    {
        ChildEvaluation e = new CaseloadEvaluator().EvaluateChild(child, asOf);
        Assert.True(e.Evaluated, string.Join("; ", e.Rejections));
        return e.Flags.Where(f => f.Rule == RuleId.IroAppointment).ToArray();
    }
}
