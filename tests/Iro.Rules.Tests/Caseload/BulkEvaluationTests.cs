using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Secure;
using Iro.Rules.Timescales;

using Iro.Rules.Tests.Reference;

namespace Iro.Rules.Tests.Caseload;

/// <summary>The flags that need facts beyond the SSDA903 return (REV-6, SEC-2 to SEC-5, DRP-1), the bulk API, and its allocation; every date worked out by hand here.</summary>
public class BulkEvaluationTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static string[] Flags(ChildCase child, string asOf, string rulePrefix) =>
        new CaseloadEvaluator().EvaluateChild(child, D(asOf)).Flags
            .Where(f => f.Rule.Value.StartsWith(rulePrefix, StringComparison.Ordinal))
            .Select(f => $"{f.Rule} {f.StatusText} {f.Date:uuuu-MM-dd}")
            .ToArray();

    // In care (C2) from 2025-02-10; first review Monday 2025-03-03 (RULES.md REV-6: recommendations due 2025-03-10, minutes 2025-03-24).
    private static ChildCase WithReviewRecord(bool tracked, LocalDate? recommendations = null, LocalDate? minutes = null) =>
        new("R", D("2012-05-05"), new[] { new Episode(D("2025-02-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2025-03-03"), ParticipationCode.PN1) { RecommendationsOn = recommendations, MinutesOn = minutes } })
        {
            TracksReviewRecords = tracked,
        };

    [Theory]
    [InlineData("2025-03-10", new string[0])] // the recommendations' last day
    [InlineData("2025-03-11", new[] { "REV-6 overdue 2025-03-10" })] // the day after
    [InlineData("2025-03-24", new[] { "REV-6 overdue 2025-03-10" })] // the minutes' last day
    [InlineData("2025-03-25", new[] { "REV-6 overdue 2025-03-10" })] // both missed: one flag for the review, dated by the first
    public void ReviewRecord_Overdue_TheDayAfterTheLocalDeadline(string asOf, string[] expected) =>
        Assert.Equal(expected, Flags(WithReviewRecord(tracked: true), asOf, "REV-6"));

    [Fact]
    public void ReviewRecord_Flag_IsTheSchedulesOwnRecordFinding()
    {
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(WithReviewRecord(tracked: true), D("2025-03-25")).Flags, f => f.Rule == RuleId.ReviewRecord);
        Assert.Equal(
            "Review 1 completed 2025-03-03: recommendations due by 2025-03-10 (5 working days), overdue by 11 working days as of 2025-03-25; minutes due by 2025-03-24 (15 working days), overdue by 1 working day as of 2025-03-25.",
            flag.Reason);
    }

    [Fact]
    public void ReviewRecord_NotFlagged_WhenSentOrNotTracked()
    {
        Assert.Empty(Flags(WithReviewRecord(tracked: false), "2025-04-01", "REV-6"));
        Assert.Equal(new[] { "REV-6 overdue 2025-03-24" }, Flags(WithReviewRecord(tracked: true, recommendations: D("2025-03-12")), "2025-04-01", "REV-6"));
        Assert.Empty(Flags(WithReviewRecord(tracked: true, D("2025-03-12"), D("2025-03-20")), "2025-04-01", "REV-6"));
    }

    [Fact]
    public void ReviewRecord_AcrossEaster_CountsWorkingDays()
    {
        // RULES.md REV-6: completed Monday 2025-04-14, Easter follows: recommendations due 2025-04-23, minutes 2025-05-08.
        var child = new ChildCase("E", D("2012-05-05"), new[] { new Episode(D("2025-03-24"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2025-04-14"), ParticipationCode.PN1) })
        { TracksReviewRecords = true };
        Assert.Empty(Flags(child, "2025-04-23", "REV-6"));
        Assert.Equal(new[] { "REV-6 overdue 2025-04-23" }, Flags(child, "2025-05-08", "REV-6"));
        Assert.Equal(new[] { "REV-6 overdue 2025-04-23" }, Flags(child, "2025-05-09", "REV-6"));
        Assert.Contains("recommendations due by 2025-04-23 (5 working days), overdue by 11 working days as of 2025-05-09; minutes due by 2025-05-08 (15 working days), overdue by 1 working day", Assert.Single(new CaseloadEvaluator().EvaluateChild(child, D("2025-05-09")).Flags, f => f.Rule == RuleId.ReviewRecord).Reason, StringComparison.Ordinal);
    }

    // Escalation raised Thursday 2025-05-15 (stage 1), stage 2 on 2025-05-22. Twenty working days, skipping the spring
    // bank holiday on Monday 26 May: 16, 19-23, 27-30 May, 2-6 and 9-13 June: due by Friday 2025-06-13.
    private static ChildCase WithEscalation(LocalDate? resolved) =>
        new("X", D("2012-05-05"), new[] { new Episode(D("2024-02-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>())
        {
            Escalations = new[] { new DisputeEscalation(new[] { new EscalationStep(1, D("2025-05-15")), new EscalationStep(2, D("2025-05-22")) }, resolved) },
        };

    [Theory]
    [InlineData("2025-05-29", new string[0])] // 15 days before: not yet due soon
    [InlineData("2025-05-30", new[] { "DRP-1 due-soon 2025-06-13" })] // 14 days before
    [InlineData("2025-06-13", new[] { "DRP-1 due-soon 2025-06-13" })] // the day
    [InlineData("2025-06-14", new[] { "DRP-1 overdue 2025-06-13" })] // the day after
    public void Escalation_DueSoonThenOverdue(string asOf, string[] expected) =>
        Assert.Equal(expected, Flags(WithEscalation(resolved: null), asOf, "DRP"));

    [Fact]
    public void Escalation_Resolved_IsNotFlagged_AndCountsInTheFigures()
    {
        Assert.Empty(Flags(WithEscalation(D("2025-06-10")), "2025-07-01", "DRP"));
        Assert.Equal(new[] { "DRP-1 due-soon 2025-06-13" }, Flags(WithEscalation(D("2025-06-10")), "2025-06-09", "DRP")); // not yet resolved then

        var figures = AnnualFigures.Compute(new[] { WithEscalation(D("2025-06-10")), WithEscalation(D("2025-06-16")) }, new ReportingYear(2025));
        Assert.Equal((2, 0), (figures["escalations_raised"].Numerator, figures["escalations_raised"].Denominator));
        Assert.Equal((1, 2), (figures["escalations_resolved_in_time"].Numerator, figures["escalations_resolved_in_time"].Denominator));
    }

    [Fact]
    public void Escalation_StageTheProtocolDoesNotDefine_IsARejectionNotAFlag()
    {
        // Issue G fault 6: an undefined stage used to become a DRP-1 "flag" built from an exception message.
        var child = WithEscalation(null) with
        {
            Escalations = new[] { new DisputeEscalation(new[] { new EscalationStep(9, D("2025-05-15")) }) },
        };
        ChildEvaluation result = new CaseloadEvaluator().EvaluateChild(child, D("2025-06-01"));
        Assert.False(result.Evaluated);
        Assert.Empty(result.Flags);
        Rejection rejection = Assert.Single(result.Rejections);
        Assert.Equal(("IN-ESCALATION-STAGE", "Escalations", "9"), (rejection.Code, rejection.Field, rejection.Value));
        Assert.Contains("stage 9, which the dispute resolution protocol does not define (stages 1, 2, 3, 4, 5, 6)", rejection.Message, StringComparison.Ordinal);
    }

    // Placed in secure accommodation on Saturday 2025-03-01 at 17:30 (still there).
    private static ChildCase InSecure(LocalDate orderFrom, LocalDate orderTo, params SecureReview[] reviews) =>
        new("S", D("2010-05-05"), new[] { new Episode(D("2024-02-10"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>())
        {
            SecureStays = new[] { new SecureStay(new LocalDateTime(2025, 3, 1, 17, 30)) },
            SecureOrders = new[] { new SecureOrder(orderFrom, orderTo) },
            SecureReviews = reviews,
        };

    [Fact]
    public void Secure_FirstReviewDueOneMonthAfterPlacement()
    {
        ChildCase child = InSecure(D("2025-03-03"), D("2025-06-02")); // authorised from Monday 00:00: 30.5 hours before
        Assert.Empty(Flags(child, "2025-03-17", "SEC")); // 15 days before 2025-04-01
        Assert.Equal(new[] { "SEC-5 due-soon 2025-04-01" }, Flags(child, "2025-03-18", "SEC"));
        Assert.Equal(new[] { "SEC-5 due-soon 2025-04-01" }, Flags(child, "2025-04-01", "SEC"));
        Assert.Equal(new[] { "SEC-5 overdue 2025-04-01" }, Flags(child, "2025-04-02", "SEC"));
        Assert.Empty(Flags(InSecure(D("2025-03-03"), D("2025-06-02"), new SecureReview(D("2025-03-28"), 3, 1)), "2025-04-02", "SEC")); // next by 2025-06-28
    }

    [Fact]
    public void Secure_OverSeventyTwoHoursWithoutAuthority_AndAnOrderTooLong()
    {
        // Authorised only from Thursday 2025-03-06 00:00: 4 days 6.5 hours without authority; 72 hours reached on
        // Tuesday 2025-03-04 at 17:30. The first order runs 4 months, past its 3-month maximum (2025-06-06).
        ChildCase child = InSecure(D("2025-03-06"), D("2025-07-06"), new SecureReview(D("2025-03-28"), 3, 1));
        Assert.Equal(new[] { "SEC-4 flag 2025-03-06", "SEC-2 flag 2025-03-04" }, Flags(child, "2025-04-02", "SEC"));
    }

    [Fact]
    public void Validator_ReportsBadSecureAndEscalationFacts()
    {
        var child = InSecure(D("2025-03-06"), D("2025-03-01")) with
        {
            Escalations = new[] { new DisputeEscalation(Array.Empty<EscalationStep>()) },
        };
        var codes = ChildCaseValidator.Instance.Validate(child).Errors.Select(e => e.ErrorCode).ToArray();
        Assert.Equal(new[] { "IN-SECURE", "IN-ESCALATION" }, codes);
        Assert.False(new CaseloadEvaluator().EvaluateChild(child, D("2025-04-01")).Evaluated);
    }

    [Fact]
    public void EvaluateToSink_WritesTheSameFlagsAsEvaluate_AndReportsEveryBadChild()
    {
        ChildCase[] caseload = CaseloadTests.SmallCaseload();
        var evaluator = new CaseloadEvaluator();
        LocalDate asOf = D("2025-11-10");
        var expected = evaluator.Evaluate(caseload, asOf).ToList();
        foreach (bool parallel in new[] { false, true })
        {
            var sink = new CollectingCaseloadSink();
            CaseloadTotals totals = evaluator.Evaluate(caseload, asOf, sink, degreeOfParallelism: parallel ? 2 : 1);
            Assert.Equal(new CaseloadTotals(4, 3, 1, 5), totals);
            Assert.Equal(expected.SelectMany(e => e.Flags), sink.Flags);
            Assert.Equal("C", Assert.Single(sink.NotEvaluatedChildren).ChildId);
        }
    }

    [Fact]
    public void EvaluateToSink_Parallel_AcrossSeveralChunks_KeepsInputOrder()
    {
        // 40,000 children: more than two of the parallel path's chunks of 16,384.
        ChildCase[] small = CaseloadTests.SmallCaseload();
        ChildCase[] caseload = Enumerable.Range(0, 40_000)
            .Select(i => small[i % small.Length] is var c ? new ChildCase($"{c.Id}{i}", c.DateOfBirth, c.Episodes, c.Reviews) : null!)
            .ToArray();
        var evaluator = new CaseloadEvaluator();
        LocalDate asOf = D("2025-11-10");
        var sequential = new CollectingCaseloadSink();
        var parallel = new CollectingCaseloadSink();
        CaseloadTotals a = evaluator.Evaluate(caseload, asOf, sequential);
        CaseloadTotals b = evaluator.Evaluate(caseload, asOf, parallel, degreeOfParallelism: 2);
        Assert.Equal(new CaseloadTotals(40_000, 30_000, 10_000, 50_000), a); // per 4 children: 3 evaluated, 5 flags
        Assert.Equal(a, b);
        Assert.Equal(sequential.Flags, parallel.Flags);
        Assert.Equal(sequential.NotEvaluatedChildren.Select(e => e.ChildId), parallel.NotEvaluatedChildren.Select(e => e.ChildId));
    }

    private sealed class FiguresSink(AnnualFiguresBuilder figures) : ICaseloadSink
    {
        public int Evaluated { get; private set; }

        public void Flag(CaseloadFlag flag)
        {
        }

        public void NotEvaluated(ChildEvaluation child)
        {
        }

        void ICaseloadSink.Evaluated(ChildCase child)
        {
            Evaluated++;
            figures.Add(child);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FiguresInTheSamePass_EqualTheFiguresOverTheEvaluatedChildren(int threads)
    {
        // 40,000 children (several of the parallel path's chunks), a quarter of them invalid: the sink is told of each
        // evaluated child once, in input order, so the figures built in the flag pass are the figures of those children.
        ChildCase[] small = CaseloadTests.SmallCaseload();
        ChildCase[] caseload = Enumerable.Range(0, 40_000)
            .Select(i => small[i % small.Length] is var c ? new ChildCase($"{c.Id}{i}", c.DateOfBirth, c.Episodes, c.Reviews) : null!)
            .ToArray();
        var year = new ReportingYear(2024);
        var builder = new AnnualFiguresBuilder(year);
        var sink = new FiguresSink(builder);
        CaseloadTotals totals = new CaseloadEvaluator().Evaluate(caseload, D("2025-11-10"), sink, threads);
        CaseloadFigures onePass = builder.Build();
        CaseloadFigures twoPass = AnnualFigures.Compute(caseload.Where(c => ChildCaseValidator.Instance.Validate(c).IsValid), year);
        Assert.Equal(totals.Evaluated, sink.Evaluated);
        Assert.Equal(30_000, onePass.ChildrenUsed);
        Assert.Equal(twoPass.Figures, onePass.Figures);
        Assert.Equal(twoPass.ReviewsByMonth, onePass.ReviewsByMonth);
    }

    [Fact]
    public void EvaluateToSink_AllocatesNothing_ForAChildWithoutFlags()
    {
        // In care since 2024-01-08; reviews on time with visits and records; next review due 2026-01-20, so nothing
        // is due within 14 days of 2025-11-10.
        var child = new ChildCase("Z", D("2014-06-01"),
            new[]
            {
                new Episode(D("2024-01-08"), D("2024-06-01"), LegalStatus.C1, ReasonForNewEpisode.S, "U1"),
                new Episode(D("2024-06-01"), null, LegalStatus.C2, ReasonForNewEpisode.L, "U1"),
            },
            new[] { D("2024-02-01"), D("2024-04-25"), D("2024-10-20"), D("2025-04-15"), D("2025-07-20") }
                .Select(d => new CaseReview(d, ParticipationCode.PN1) { RecommendationsOn = d.PlusDays(2), MinutesOn = d.PlusDays(10) }))
        {
            IroVisits = new[] { D("2025-07-10") },
            TracksReviewRecords = true,
        };
        var evaluator = new CaseloadEvaluator();
        ChildCase[] thousand = Enumerable.Repeat(child, 1000).ToArray();
        var sink = new CountingFlagSink();
        LocalDate asOf = D("2025-11-10");
        for (int i = 0; i < 20; i++)
        {
            evaluator.Evaluate(thousand, asOf, sink); // warm up
        }

        // The least of three runs, so a one-off allocation by the runtime itself (a method re-compiled at a higher
        // tier while the run is under way) does not count against the evaluator.
        long allocated = long.MaxValue;
        CaseloadTotals totals = default;
        for (int run = 0; run < 3; run++)
        {
            sink.Clear();
            long before = GC.GetAllocatedBytesForCurrentThread();
            totals = evaluator.Evaluate(thousand, asOf, sink);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(new CaseloadTotals(1000, 1000, 0, 0), totals);
        Assert.True(sink.Count == 0, $"{sink.Count} flags");
        Assert.Equal(0, sink.NotEvaluatedCount);

        // The only allocation is the enumerator over the array, once per call: nothing per child.
        Assert.True(allocated <= 64, $"allocated {allocated} bytes evaluating 1,000 children");
    }
}
