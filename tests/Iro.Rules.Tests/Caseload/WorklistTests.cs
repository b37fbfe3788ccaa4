using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;

namespace Iro.Rules.Tests.Caseload;

/// <summary>The IROs' worklist: every expected date worked out by hand (RULES.md CAL-4, REV-3, REV-6, REV-10 examples).</summary>
public class WorklistTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    /// <summary>In care from 2024-10-01; reviews on <paramref name="reviews"/>.</summary>
    private static ChildCase Child(string id, params string[] reviews) =>
        new(id, D("2012-05-05"), new[] { new Episode(D("2024-10-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            reviews.Select(r => new CaseReview(D(r), ParticipationCode.PN1)));

    // Review 3 is due 6 months after review 2 on Friday 2025-03-14: Sunday 2025-09-14.
    private static ChildCase SundayDue(string id = "S1") => Child(id, "2024-10-28", "2025-03-14");

    private static WorklistItem Review(Worklist list, string child) => list.Items.Single(i => i.ChildId == child && i.Kind == WorklistItemKind.Review);

    [Fact]
    public void DueOnASunday_IsBookedForTheFriday_AndTheDueDateDoesNotMove()
    {
        WorklistItem review = Review(Worklist.Build([SundayDue()], D("2025-07-20")), "S1");
        Assert.Equal((D("2025-09-14"), D("2025-09-12")), (review.DueDate, review.BookBy!.Value));
        Assert.Equal(IsoDayOfWeek.Sunday, review.DueDate.DayOfWeek);
        Assert.Equal(("REV-3", WorklistStatus.Due, 3), (review.Rule.Value, review.Status, review.ReviewNumber!.Value));
        Assert.StartsWith("Review 3 is due by 2025-09-14, 6 months after review 2 on 2025-03-14", review.Reason, StringComparison.Ordinal);
        Assert.Contains("Book it by 2025-09-12 (Friday): 2025-09-14 is not a working day (Sunday), and the due date itself does not move (CAL-4).", review.Reason, StringComparison.Ordinal);
        Assert.Equal("CPPCR 2010 reg 33(2)", review.Citation.ShortForm);
    }

    [Fact]
    public void DueOnABankHolidayMonday_IsBookedForTheFridayBefore()
    {
        // Review 3: 6 months after 2025-02-25 is Monday 2025-08-25, the Summer bank holiday.
        WorklistItem review = Review(Worklist.Build([Child("B1", "2024-10-28", "2025-02-25")], D("2025-07-15")), "B1");
        Assert.Equal((D("2025-08-25"), D("2025-08-22")), (review.DueDate, review.BookBy!.Value));
        Assert.Contains("(Summer bank holiday)", review.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DueOnAWorkingDay_IsBookedForThatDay_AndTheReasonIsTheFindingAlone()
    {
        // Review 2: 3 months after 2025-06-03 is Wednesday 2025-09-03.
        WorklistItem review = Review(Worklist.Build([Child("W1", "2025-06-03")], D("2025-08-01")), "W1");
        Assert.Equal((D("2025-09-03"), D("2025-09-03")), (review.DueDate, review.BookBy!.Value));
        Assert.Equal(review.Finding.Summary, review.Reason);
        Assert.Equal("REV-2", review.Rule.Value);
    }

    [Theory]
    [InlineData("2025-07-17", 8, false)] // due Sunday 2025-09-14, booked by Friday 2025-09-12: a day past the horizon (2025-09-11)
    [InlineData("2025-07-18", 8, true)]  // the book-by date is the horizon's last day: included
    [InlineData("2025-07-20", 8, true)]  // the due date is exactly 8 weeks ahead
    [InlineData("2025-09-14", 8, true)]  // due today
    [InlineData("2025-08-31", 1, false)] // 14 days ahead, horizon 1 week
    [InlineData("2025-09-07", 1, true)]  // exactly 1 week ahead
    [InlineData("2025-09-14", 0, true)]  // horizon 0: due today only
    [InlineData("2025-09-15", 0, true)]  // overdue: always listed
    [InlineData("2026-09-15", 8, true)]  // a year overdue: still listed
    public void Horizon_IncludesTheLastDay_AndOverdueItemsAlways(string asOf, int weeks, bool listed)
    {
        Worklist list = Worklist.Build([SundayDue()], D(asOf), horizonWeeks: weeks);
        Assert.Equal(listed, list.Items.Any(i => i.Kind == WorklistItemKind.Review));
        Assert.Equal(D(asOf).PlusDays(7 * weeks), list.HorizonEnd);
        if (listed)
        {
            WorklistItem review = Review(list, "S1");
            Assert.Equal(D(asOf) > D("2025-09-14") ? WorklistStatus.Overdue : WorklistStatus.Due, review.Status);
            Assert.Equal(D("2025-09-14"), review.DueDate);
        }
    }

    [Fact]
    public void VisitWindow_IsThe42DaysBeforeTheReviewAsBooked()
    {
        Worklist list = Worklist.Build([SundayDue()], D("2025-07-20"));
        WorklistItem visit = list.Items.Single(i => i.Kind == WorklistItemKind.IroVisit);
        Assert.Equal((D("2025-08-01"), D("2025-09-12"), D("2025-09-12")), (visit.WindowStart!.Value, visit.WindowEnd!.Value, visit.DueDate));
        Assert.Equal(("REV-10", WorklistStatus.Due, 3), (visit.Rule.Value, visit.Status, visit.ReviewNumber!.Value));
        Assert.Contains("2025-08-01 to 2025-09-12", visit.Reason, StringComparison.Ordinal);
        Assert.Contains("the source does not record IRO visits", visit.Reason, StringComparison.Ordinal);
        Assert.Null(visit.BookBy);
    }

    [Fact]
    public void VisitAlreadyMadeInTheWindow_IsNotListed_AndOneBeforeItIs()
    {
        Worklist seen = Worklist.Build([SundayDue() with { IroVisits = [D("2025-08-01")] }], D("2025-08-10"));
        Assert.DoesNotContain(seen.Items, i => i.Kind == WorklistItemKind.IroVisit);

        Worklist early = Worklist.Build([SundayDue() with { IroVisits = [D("2025-07-31")] }], D("2025-08-10"));
        WorklistItem visit = early.Items.Single(i => i.Kind == WorklistItemKind.IroVisit);
        Assert.Contains("no visit in it is recorded yet", visit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueReview_ItsVisitWindowEndsOnTheAsOfDate()
    {
        Worklist list = Worklist.Build([SundayDue()], D("2025-10-01"));
        WorklistItem visit = list.Items.Single(i => i.Kind == WorklistItemKind.IroVisit);
        Assert.Equal((WorklistStatus.Overdue, D("2025-08-20"), D("2025-10-01")), (visit.Status, visit.WindowStart!.Value, visit.WindowEnd!.Value));
        Assert.StartsWith("Review 3 is overdue, so for a review held on 2025-10-01 the IRO should see the child in the 42 days before it, 2025-08-20 to 2025-10-01", visit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-03", "2025-03-10", "2025-03-24")]
    [InlineData("2025-12-19", "2025-12-30", "2026-01-14")]
    [InlineData("2025-04-14", "2025-04-23", "2025-05-08")]
    public void RecommendationsAndMinutes_HaveTheirWorkingDayDeadlines(string held, string recommendations, string minutes)
    {
        ChildCase child = Child("R1", "2024-10-28", held) with { TracksReviewRecords = true };
        Worklist list = Worklist.Build([child], D(held).PlusDays(1));
        WorklistItem r = list.Items.Single(i => i.Kind == WorklistItemKind.Recommendations && i.ReviewNumber == 2);
        WorklistItem m = list.Items.Single(i => i.Kind == WorklistItemKind.Minutes && i.ReviewNumber == 2);
        Assert.All(list.Items.Where(i => i.ReviewNumber == 1), i => Assert.Equal(WorklistStatus.Overdue, i.Status)); // review 1's, never sent: overdue, listed however old
        Assert.Equal((D(recommendations), D(minutes)), (r.DueDate, m.DueDate));
        Assert.All(new[] { r, m }, i => Assert.Equal(("REV-6", WorklistStatus.Due, 2, D(held)), (i.Rule.Value, i.Status, i.ReviewNumber!.Value, i.ReviewHeldOn!.Value)));
        Assert.StartsWith($"Review 2 completed {held}: recommendations due by {recommendations} (5 working days)", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RecommendationsAndMinutes_OverdueWhenTracked_GoneWhenSent()
    {
        var review = new CaseReview(D("2025-03-03"), ParticipationCode.PN1) { RecommendationsOn = D("2025-03-07") };
        var child = new ChildCase("R2", D("2012-05-05"), new[] { new Episode(D("2024-10-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2024-10-28"), ParticipationCode.PN1) { RecommendationsOn = D("2024-10-29"), MinutesOn = D("2024-11-01") }, review })
        { TracksReviewRecords = true };

        Worklist list = Worklist.Build([child], D("2025-03-25"));
        WorklistItem minutes = list.Items.Single(i => i.Kind is WorklistItemKind.Minutes or WorklistItemKind.Recommendations);
        Assert.Equal((WorklistItemKind.Minutes, WorklistStatus.Overdue, D("2025-03-24")), (minutes.Kind, minutes.Status, minutes.DueDate));

        // The same flag in the weekly list, with the same finding.
        CaseloadFlag flag = new CaseloadEvaluator().EvaluateChild(child, D("2025-03-25")).Flags.Single(f => f.Rule.Value == "REV-6");
        Assert.Equal(flag.Finding, minutes.Finding);
    }

    [Fact]
    public void RecommendationsAndMinutes_NotTracked_AreRemindersOfDeadlinesToCome_NeverOverdue()
    {
        ChildCase child = Child("R3", "2024-10-28", "2025-03-03"); // TracksReviewRecords off, as from SSDA903 files
        WorklistItem[] on11th = Worklist.Build([child], D("2025-03-11")).Items.Where(i => i.Rule.Value == "REV-6").ToArray();
        WorklistItem only = Assert.Single(on11th); // recommendations were due 2025-03-10: not known to be owed
        Assert.Equal((WorklistItemKind.Minutes, WorklistStatus.Due), (only.Kind, only.Status));
        Assert.Contains("The source does not record when they are sent", only.Reason, StringComparison.Ordinal);
        Assert.Contains(Worklist.Build([child], D("2025-03-24")).Items, i => i.Kind == WorklistItemKind.Minutes);
        Assert.DoesNotContain(Worklist.Build([child], D("2025-03-25")).Items, i => i.Rule.Value == "REV-6");
    }

    [Fact]
    public void Iro_IsTheAllocationInForceOnTheAsOfDate_AndNoneIsAGroupOfItsOwn_Last()
    {
        ChildCase a = SundayDue("A") with { IroAllocations = [new IroAllocation("Zoe", D("2024-10-01")), new IroAllocation("Ann", D("2025-07-20")), new IroAllocation("Bob", D("2025-07-21"))] };
        ChildCase b = SundayDue("B") with { IroAllocations = [new IroAllocation("Bob", D("2025-07-21"))] }; // allocated only after the as-of date
        ChildCase c = SundayDue("C") with { IroAllocations = [new IroAllocation("Zoe", D("2024-10-01"))] };
        Worklist list = Worklist.Build([b, c, a], D("2025-07-20"));
        Assert.Equal(new string?[] { "Ann", "Zoe", null }, list.Iros);
        Assert.Equal(new[] { "A", "A", "C", "C", "B", "B" }, list.Items.Select(i => i.ChildId));
        Assert.All(list.ForIro(null), i => Assert.Equal("B", i.ChildId));
        Assert.Equal(2, list.ForIro("Zoe").Count);
        Assert.Empty(list.ForIro("Bob"));
    }

    [Fact]
    public void Items_AreSortedByIroThenDate()
    {
        ChildCase early = Child("E", "2025-06-03") with { IroAllocations = [new IroAllocation("Ann", D("2024-10-01"))] }; // due 2025-09-03
        ChildCase late = SundayDue("L") with { IroAllocations = [new IroAllocation("Ann", D("2024-10-01"))] };               // due 2025-09-14
        Worklist list = Worklist.Build([late, early], D("2025-07-20"));
        Assert.Equal(list.Items.OrderBy(i => i.DueDate).ToArray(), list.Items.ToArray());
        Assert.Equal("E", list.Items[0].ChildId);
    }

    [Fact]
    public void ChildThatFailsValidation_IsNotOnTheWorklist_ButReportedWithEveryReason()
    {
        ChildCase bad = CaseloadTests.SmallCaseload()[2]; // overlapping episodes
        Worklist list = Worklist.Build([bad, SundayDue()], D("2025-07-20"));
        Assert.DoesNotContain(list.Items, i => i.ChildId == bad.Id);
        ChildEvaluation rejected = Assert.Single(list.NotEvaluated);
        Assert.Equal(bad.Id, rejected.ChildId);
        Assert.Contains(rejected.Rejections, r => r.Code == "IN-EPISODES");
        Assert.Equal((2, 1), (list.ChildrenRead, list.ChildrenEvaluated));
    }

    [Fact]
    public void Items_AreInTheOrder_WithManyIrosAndSameDayItems()
    {
        // Many children over a few IROs (and none), reviews on a few dates, so that many items share an IRO and a due date.
        string?[] iros = ["b", "A", null, "a", "Ä", "b "];
        var children = new List<ChildCase>();
        for (int n = 0; n < 300; n++)
        {
            string first = new LocalDate(2024, 10, 28).PlusDays(n % 5).ToString("uuuu-MM-dd", null);
            string second = new LocalDate(2025, 3, 14).PlusDays(n % 3).ToString("uuuu-MM-dd", null);
            string? iro = iros[n % iros.Length];
            children.Add(Child("C" + ((n * 7919) % 1000).ToString("D3", null), first, second) with
            {
                IroAllocations = iro is null ? null : [new IroAllocation(iro, D("2024-10-01"))],
                TracksReviewRecords = n % 4 == 0,
            });
        }

        Worklist list = Worklist.Build(children, D("2025-08-20"), horizonWeeks: 10);
        Assert.True(list.Items.Count > 300);
        for (int i = 1; i < list.Items.Count; i++)
        {
            Assert.True(Worklist.Order.Compare(list.Items[i - 1], list.Items[i]) <= 0, $"items {i - 1} and {i} out of order");
        }

        Assert.Equal(["A", "a", "b", "b ", "Ä", null], list.Iros);
        Assert.Equal(list.Items.Where(i => i.Iro == "b").ToArray(), list.ForIro("b"));
        Assert.Equal(list.Items.Where(i => i.Iro is null).ToArray(), list.ForIro(null));
        Assert.Empty(list.ForIro("nobody"));
    }

    [Fact]
    public void AddEvaluated_GivesTheSameWorklistAsAdd_ForTheChildrenTheWeeklyListEvaluated()
    {
        // The job's path: the worklist takes each child the sink is told was evaluated, without evaluating it again.
        ChildCase[] children = [.. CaseloadTests.SmallCaseload(), SundayDue(), Child("W1", "2025-06-03"), Child("B1", "2024-10-28", "2025-02-25")];
        LocalDate asOf = D("2025-08-20");
        var evaluator = new CaseloadEvaluator();
        var viaSink = new WorklistBuilder(asOf, evaluator.Policy, evaluator.Calendar);
        evaluator.Evaluate(children, asOf, new EvaluatedOnly(viaSink));
        Worklist expected = Worklist.Build(children, asOf);
        Worklist actual = viaSink.Build();
        Assert.NotEmpty(expected.Items);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.ChildrenEvaluated, actual.ChildrenEvaluated);
    }

    [Fact]
    public void AddEvaluated_AChildThatFailsValidation_IsStillReportedWithEveryReason()
    {
        ChildCase bad = CaseloadTests.SmallCaseload()[2]; // overlapping episodes
        var builder = new WorklistBuilder(D("2025-07-20"));
        builder.AddEvaluated(bad);
        builder.AddEvaluated(SundayDue());
        Worklist list = builder.Build();
        Assert.DoesNotContain(list.Items, i => i.ChildId == bad.Id);
        Assert.Contains(Assert.Single(list.NotEvaluated).Rejections, r => r.Code == "IN-EPISODES");
        Assert.Equal((2, 1), (list.ChildrenRead, list.ChildrenEvaluated));
    }

    private sealed class EvaluatedOnly(WorklistBuilder builder) : ICaseloadSink
    {
        public void Flag(CaseloadFlag flag)
        {
        }

        public void Evaluated(ChildCase child) => builder.AddEvaluated(child);

        public void NotEvaluated(ChildEvaluation child)
        {
        }
    }

    [Fact]
    public void PeriodKnownOnlyInPart_NextReviewAtTheLatest_Unnumbered_AndNoRecordItems()
    {
        // 903-W: the period began 2018-05-01, before the return's window from 2025-04-01; one review in it, 2025-05-10.
        var child = new ChildCase("K1", D("2010-01-01"), new[] { new Episode(D("2018-05-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2025-05-10"), ParticipationCode.PN1) })
        { KnownFrom = D("2025-04-01"), TracksReviewRecords = true };
        Worklist list = Worklist.Build([child], D("2025-10-01"));
        WorklistItem review = Review(list, "K1");
        Assert.Equal((D("2025-11-10"), (int?)null, D("2025-05-10")), (review.DueDate, review.ReviewNumber, review.ReviewAfter!.Value));
        Assert.Contains("at the latest", review.Reason, StringComparison.Ordinal);
        Assert.Equal("K1/REV-3/20180501/after-20250510/review", review.Key);
        Assert.DoesNotContain(list.Items, i => i.Rule.Value == "REV-6");
        Assert.Contains(list.Items, i => i.Kind == WorklistItemKind.IroVisit && i.Reason.Contains("the next review", StringComparison.Ordinal));
    }

    [Fact]
    public void NotLookedAfter_HasNoItems()
    {
        var left = new ChildCase("X", D("2012-05-05"), new[] { new Episode(D("2024-10-01"), D("2025-01-01"), LegalStatus.C2, ReasonForNewEpisode.S) }, []);
        Assert.Empty(Worklist.Build([left], D("2025-03-01")).Items);
    }

    [Fact]
    public void Key_IsStable_AndEscapesTheChildId()
    {
        WorklistItem a = Review(Worklist.Build([SundayDue("C/1 é")], D("2025-07-20")), "C/1 é");
        WorklistItem b = Review(Worklist.Build([SundayDue("C/1 é")], D("2025-08-20")), "C/1 é");
        Assert.Equal("C%2F1%20%C3%A9/REV-3/20241001/3/review", a.Key);
        Assert.Equal(a.Key, b.Key);
    }

    [Fact]
    public void NextReviewItems_AreTheWeeklyListsReviewFlags_WhenTheHorizonIsItsLookAhead()
    {
        // With a 2-week horizon (the weekly list's 14 days), every review item is a REV-1..3 flag with the same finding and date.
        ChildCase[] children = [.. CaseloadTests.SmallCaseload(), SundayDue(), Child("W1", "2025-06-03"), Child("B1", "2024-10-28", "2025-02-25")];
        foreach (string asOf in new[] { "2025-08-20", "2025-09-01", "2025-11-10" })
        {
            var flags = new CaseloadEvaluator().Evaluate(children, D(asOf)).SelectMany(e => e.Flags)
                .Where(f => f.Rule.Value is "REV-1" or "REV-2" or "REV-3").Select(f => (f.ChildId, f.Date, f.Finding)).ToArray();
            WorklistItem[] reviews = Worklist.Build(children, D(asOf), horizonWeeks: 2).Items.Where(i => i.Kind == WorklistItemKind.Review).ToArray();
            var items = reviews.Where(i => i.DueDate <= D(asOf).PlusDays(14)).Select(i => (i.ChildId, i.DueDate, i.Finding)).ToArray();
            Assert.Equal(flags.OrderBy(f => f.ChildId), items.OrderBy(i => i.ChildId));

            // Beyond the weekly list's look-ahead, only a review whose book-by date is within the horizon (CAL-4).
            Assert.All(reviews.Where(i => i.DueDate > D(asOf).PlusDays(14)), i => Assert.True(i.BookBy <= D(asOf).PlusDays(14), i.ToString()));
        }
    }

    // Regression (review of issue K): the horizon was applied to the due date, so a review due on Sunday 28 December 2025
    // and booked by Wednesday 24 December (Christmas Day and Boxing Day follow) was missing from an 8-week worklist
    // from 31 October (to 26 December), with the visit window before it.
    [Fact]
    public void AReviewWhoseBookByDateIsWithinTheHorizon_IsListed_WithItsVisitWindow()
    {
        ChildCase child = Child("X1", "2024-10-28", "2025-01-28", "2025-06-28"); // review 4 due 6 months after review 3: 2025-12-28 (Sunday)
        Worklist list = Worklist.Build([child], D("2025-10-31"), horizonWeeks: 8);
        Assert.Equal(D("2025-12-26"), list.HorizonEnd);
        WorklistItem review = Assert.Single(list.Items, i => i.Kind == WorklistItemKind.Review);
        Assert.Equal(D("2025-12-28"), review.DueDate); // the statutory date does not move
        Assert.Equal(D("2025-12-24"), review.BookBy); // 25, 26 (bank holidays), 27, 28 (weekend) are not working days
        Assert.Single(list.Items, i => i.Kind == WorklistItemKind.IroVisit);

        // A day earlier the horizon ends on 25 December and the book-by date is still within it; two weeks earlier it is not.
        Assert.Contains(Worklist.Build([child], D("2025-10-30")).Items, i => i.Kind == WorklistItemKind.Review);
        Assert.DoesNotContain(Worklist.Build([child], D("2025-10-17")).Items, i => i.Kind == WorklistItemKind.Review);
    }

    [Fact]
    public void Arguments_OutOfRange_Throw()
    {
        Iro.Rules.Explanations.Finding finding = Review(Worklist.Build([SundayDue()], D("2025-08-20")), "S1").Finding;
        Assert.Throws<ArgumentNullException>(() => new WorklistItem(null, null!, WorklistItemKind.Review, WorklistStatus.Due, D("2025-09-14"), finding));
        Assert.Throws<ArgumentNullException>(() => new WorklistItem(null, "S1", WorklistItemKind.Review, WorklistStatus.Due, D("2025-09-14"), null!));
        Assert.False(Worklist.Build([SundayDue()], D("2025-08-20")).NotEvaluated is ChildEvaluation[]); // read-only, not a writable array
        Assert.Throws<ArgumentOutOfRangeException>(() => Worklist.Build([], D("2025-01-01"), horizonWeeks: 53));
        Assert.Throws<ArgumentOutOfRangeException>(() => Worklist.Build([], D("2025-01-01"), horizonWeeks: -1));
        Assert.Throws<ArgumentNullException>(() => Worklist.Build(null!, D("2025-01-01")));
    }
}
