using System;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Reviews;
using NodaTime;
using Xunit;

namespace Iro.Rules.Tests.Caseload;

/// <summary>RULES.md 903-W's worked examples: an SSDA903 return is a window (here this year's return to date, from 2025-04-01), not a history.</summary>
public class WindowTests
{
    private static readonly LocalDate W = D("2025-04-01");

    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static ChildCase InCareSince(string start, ReasonForNewEpisode rne, LocalDate? knownFrom, params string[] reviews) =>
        new("C", D("2012-03-03"), new[] { new Episode(D(start), null, LegalStatus.C2, rne) }, reviews.Select(r => new CaseReview(D(r), ParticipationCode.PN1)))
        {
            KnownFrom = knownFrom,
        };

    private static string[] Flags(ChildCase child, string asOf) =>
        new CaseloadEvaluator().EvaluateChild(child, D(asOf)).Flags.Select(f => $"{f.Rule} {f.StatusText} {f.Date:uuuu-MM-dd}").ToArray();

    [Theory]
    [InlineData("2025-06-30", new string[0])] // next due 2025-11-10 at the latest
    [InlineData("2025-11-10", new[] { "REV-3 due-soon 2025-11-10" })] // the last day
    [InlineData("2025-11-11", new[] { "REV-3 overdue 2025-11-10" })] // the day after
    public void PeriodBeganLongBefore_OneReviewInTheWindow_IsSixMonthly(string asOf, string[] expected) =>
        Assert.Equal(expected, Flags(InCareSince("2018-05-01", ReasonForNewEpisode.S, W, "2025-05-10"), asOf));

    [Fact]
    public void TheSameChild_TakenAsAWholeHistory_WasTheOldFalseFlag()
    {
        // Without the window, the review in the file (2025-04-10) is numbered review 1, so review 2 is "due" by
        // 2025-07-10 and flagged overdue on 2025-07-11; with the window it is a 6-monthly review, due by 2025-10-10.
        Assert.Equal(new[] { "REV-2 overdue 2025-07-10" }, Flags(InCareSince("2018-05-01", ReasonForNewEpisode.S, knownFrom: null, "2025-04-10"), "2025-07-11"));
        Assert.Empty(Flags(InCareSince("2018-05-01", ReasonForNewEpisode.S, W, "2025-04-10"), "2025-07-11"));
    }

    [Theory]
    [InlineData("2025-06-30", new string[0])] // the last review may have been after 2024-12-30
    [InlineData("2025-09-16", new string[0])] // 15 days before the bound: not yet due soon
    [InlineData("2025-09-17", new[] { "REV-3 due-soon 2025-10-01" })] // 14 days before
    [InlineData("2025-10-01", new[] { "REV-3 due-soon 2025-10-01" })]
    [InlineData("2025-10-02", new[] { "REV-3 overdue 2025-10-01" })] // certainly overdue once the window is longer than 6 months
    public void PeriodBeganLongBefore_NoReviewInTheWindow_OverdueOnlyAfterSixMonthsOfWindow(string asOf, string[] expected) =>
        Assert.Equal(expected, Flags(InCareSince("2018-05-01", ReasonForNewEpisode.S, W), asOf));

    [Fact]
    public void PeriodBeganInTheWindow_IsFullyKnown_Rev1From20WorkingDays()
    {
        // Began Monday 2025-04-14 (RNE S in the window): 20 working days skipping Good Friday, Easter Monday and the
        // Early May bank holiday: due 2025-05-15; no review by 2025-06-30: overdue.
        Assert.Equal(new[] { "REV-1 overdue 2025-05-15" }, Flags(InCareSince("2025-04-14", ReasonForNewEpisode.S, W), "2025-06-30"));
    }

    [Fact]
    public void FirstEpisodeInTheDataIsNotRneS_PeriodStartUnknown_KnownInPart()
    {
        // The data's first episode is a change of placement (RNE P) from 2025-05-01: the period began earlier.
        var child = InCareSince("2025-05-01", ReasonForNewEpisode.P, W);
        Assert.Empty(Flags(child, "2025-06-30"));
        Assert.Equal(new[] { "REV-3 overdue 2025-10-01" }, Flags(child, "2025-10-02"));
    }

    [Fact]
    public void TheFinding_SaysWhatTheSourceDoesNotHold()
    {
        CaseloadFlag flag = Assert.Single(new CaseloadEvaluator().EvaluateChild(InCareSince("2018-05-01", ReasonForNewEpisode.S, W, "2025-05-10"), D("2025-11-12")).Flags);
        Assert.Equal(
            "The next review is due by 2025-11-10 at the latest, 6 months after the review on 2025-05-10, the latest the source holds (CPPCR 2010 reg 33(2)); "
            + "the period of care began on 2018-05-01, and the source holds nothing before 2025-04-01 (903-W), so earlier reviews are unknown and this review's number cannot be known; "
            + "the previous SSDA903 return would settle it; overdue by 2 days as of 2025-11-12.",
            flag.Reason);
        Assert.Equal(RuleId.SubsequentReview, flag.Rule);
    }

    [Fact]
    public void PublicApi_RejectsAPeriodThatIsFullyKnown() =>
        Assert.Throws<ArgumentException>(() => ReviewSchedule.NextReviewKnownInPart(D("2025-04-14"), W, Array.Empty<LocalDate>(), D("2025-06-30")));

    [Fact]
    public void WithLastYearsReturnToo_APeriodBegunInEitherWindow_GetsTheFullHistoryFlags()
    {
        // RULES.md: with last year's return (window from 2024-04-01), a period begun 2024-09-02 is fully known.
        var full = InCareSince("2024-09-02", ReasonForNewEpisode.S, knownFrom: null, "2024-09-25", "2024-12-20");
        var windowed = full with { KnownFrom = D("2024-04-01") };
        foreach (string asOf in new[] { "2025-03-01", "2025-06-19", "2025-06-21", "2025-06-30" })
        {
            Assert.Equal(Flags(full, asOf), Flags(windowed, asOf));
        }
    }
}

/// <summary>Issue H: figures count only what the data can determine, and say what the source does not record.</summary>
public class WindowFiguresTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    [Fact]
    public void ReviewsWhoseDueDateNeedsAnEarlierReview_AreNotDetermined()
    {
        // Return for 2024-25 (from 2024-04-01). Period began 2018-05-01: reviews 1 and 2 were due before the window,
        // so after the first review the source holds (2024-05-10, not determined), 2024-11-08 is 6-monthly and on time
        // (due 2024-11-10); 2025-05-12 is outside the year. A second child began in the window on 2024-06-03 (RNE S),
        // reviewed 2024-06-28 (due 2024-07-01: on time).
        var a = new ChildCase("A", D("2012-03-03"), new[] { new Episode(D("2018-05-01"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { "2024-05-10", "2024-11-08" }.Select(r => new CaseReview(D(r), ParticipationCode.PN1))) { KnownFrom = D("2024-04-01") };
        var b = new ChildCase("B", D("2012-03-03"), new[] { new Episode(D("2024-06-03"), null, LegalStatus.C2, ReasonForNewEpisode.S) },
            new[] { new CaseReview(D("2024-06-28"), ParticipationCode.PN1) }) { KnownFrom = D("2024-04-01") };
        CaseloadFigures f = AnnualFigures.Compute(new[] { a, b }, new Iro.Rules.Timescales.ReportingYear(2024), recorded: RecordedFacts.None);
        Figure onTime = f["reviews_on_time"];
        Assert.Equal((2, 2, 1), (onTime.Numerator, onTime.Denominator, onTime.NotDetermined));
        Assert.Equal("Reviews held on time: 2 of 2 (100.0%); 1 could not be determined from the data", onTime.ToString());
        Assert.Equal((1, 1), (f["first_reviews_on_time"].Numerator, f["first_reviews_on_time"].Denominator));
        Assert.Equal((1, 1), (f["subsequent_reviews_on_time"].Numerator, f["subsequent_reviews_on_time"].Denominator));
    }

    [Fact]
    public void FiguresTheSourceDoesNotRecord_AreNotZero()
    {
        var child = new ChildCase("A", D("2012-03-03"), new[] { new Episode(D("2024-06-03"), null, LegalStatus.C2, ReasonForNewEpisode.S) }, Array.Empty<CaseReview>());
        CaseloadFigures f = AnnualFigures.Compute(new[] { child }, new Iro.Rules.Timescales.ReportingYear(2024), recorded: RecordedFacts.None);
        Assert.False(f["iro_visits_in_window"].Recorded);
        Assert.Null(f["iro_visits_in_window"].Percent);
        Assert.Equal("Permanence plans by the second review: not recorded in this source", f["permanence_by_second_review"].ToString());
        Assert.Equal("Second reviews on time (3 months): 0 of 0 (none to count)", f["second_reviews_on_time"].ToString());
        Assert.Equal("Children looked after at the year end: 1", f["looked_after_at_year_end"].ToString());
        Assert.False(f["looked_after_at_year_end"].IsRatio);
    }
}
