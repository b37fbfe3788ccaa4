using Iro.Rules.Explanations;
using Iro.Rules.Legal;

namespace Iro.Rules.Tests.Legal;

/// <summary>LEG-1, LEG-2 and LOC-1 worked examples and boundaries.</summary>
public class LegalTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static Episode E(string start, string? end, LegalStatus status, ReasonForNewEpisode reason) =>
        new(D(start), end is null ? null : D(end), status, reason);

    [Theory]
    [InlineData("V2", LegalStatus.V2)]
    [InlineData("C1", LegalStatus.C1)]
    [InlineData("J3", LegalStatus.J3)]
    public void ParseLegalStatus_Exact(string text, LegalStatus expected) => Assert.Equal(expected, LegalStatuses.ParseLegalStatus(text));

    [Theory]
    [InlineData("v2", "not upper case")]
    [InlineData("", "blank")]
    [InlineData(" V2", "leading or trailing blanks")]
    [InlineData("V1", "'V1' is not one of C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3")]
    [InlineData("4", "is not one of")]
    public void ParseLegalStatus_Rejects(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => LegalStatuses.ParseLegalStatus(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("S", ReasonForNewEpisode.S)]
    [InlineData("B", ReasonForNewEpisode.B)]
    public void ParseReason_Exact(string text, ReasonForNewEpisode expected) => Assert.Equal(expected, LegalStatuses.ParseReason(text));

    [Theory]
    [InlineData("s", "not upper case")]
    [InlineData("X", "'X' is not one of S, L, P, T, U, B")]
    public void ParseReason_Rejects(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => LegalStatuses.ParseReason(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Classification_Section20_ShortBreaks_Orders()
    {
        Assert.True(LegalStatuses.IsSection20(LegalStatus.V2));
        Assert.False(LegalStatuses.IsSection20(LegalStatus.V3)); // default: V2 only
        Assert.True(LegalStatuses.IsSection20(LegalStatus.V3, LocalPolicy.Default with { Section20LegalStatuses = new[] { LegalStatus.V2, LegalStatus.V3, LegalStatus.V4 } }));
        Assert.True(LegalStatuses.IsShortBreak(LegalStatus.V4));
        Assert.False(LegalStatuses.IsShortBreak(LegalStatus.V2));
        Assert.True(LegalStatuses.IsCareOrder(LegalStatus.C1));
        Assert.False(LegalStatuses.IsCareOrder(LegalStatus.E1));
        Assert.True(LegalStatuses.IsCourtOrder(LegalStatus.E1));
        Assert.False(LegalStatuses.IsCourtOrder(LegalStatus.L1));
        Assert.Equal("Emergency protection order (EPO)", LegalStatuses.Meaning(LegalStatus.L2));
        Assert.Equal("Started to be looked after", LegalStatuses.Meaning(ReasonForNewEpisode.S));
    }

    // LEG-2 worked example: S (V2) -> L (C1) -> P (C1) is one period starting 2024-01-10.
    private static readonly Episode[] Example =
    {
        E("2024-06-01", null, LegalStatus.C1, ReasonForNewEpisode.P),
        E("2024-01-10", "2024-03-01", LegalStatus.V2, ReasonForNewEpisode.S),
        E("2024-03-01", "2024-06-01", LegalStatus.C1, ReasonForNewEpisode.L),
    };

    [Fact]
    public void SplitIntoPeriods_WorkedExample_OnePeriod()
    {
        var period = Assert.Single(Episodes.SplitIntoPeriods(Example));
        Assert.Equal(D("2024-01-10"), period.Start);
        Assert.Null(period.End);
        Assert.Equal(3, period.Episodes.Count);
        Assert.True(period.StartsWithRneS);
    }

    [Fact]
    public void SplitIntoPeriods_NewPeriodOnRneS_OrAfterAGap()
    {
        var periods = Episodes.SplitIntoPeriods(new[]
        {
            E("2023-01-01", "2023-02-01", LegalStatus.V2, ReasonForNewEpisode.S),
            E("2023-02-01", "2023-03-01", LegalStatus.V2, ReasonForNewEpisode.S), // back to back but RNE S
            E("2023-05-01", "2023-06-01", LegalStatus.C1, ReasonForNewEpisode.L), // after a gap, though not S
        });
        Assert.Equal(new[] { D("2023-01-01"), D("2023-02-01"), D("2023-05-01") }, periods.Select(p => p.Start));
        Assert.False(periods[2].StartsWithRneS);
    }

    [Fact]
    public void SplitIntoPeriods_Overlap_ThrowsNamingDates()
    {
        var e = Assert.Throws<ArgumentException>(() => Episodes.SplitIntoPeriods(new[]
        {
            E("2024-01-10", "2024-03-01", LegalStatus.V2, ReasonForNewEpisode.S),
            E("2024-02-15", null, LegalStatus.C1, ReasonForNewEpisode.L),
        }));
        Assert.Equal("episodes", e.ParamName);
        Assert.Contains("overlapping", e.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02-15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitIntoPeriods_EndBeforeStart_Throws() =>
        Assert.Contains("End 2024-01-09 is before its Start", Assert.Throws<ArgumentException>(() =>
            Episodes.SplitIntoPeriods(new[] { E("2024-01-10", "2024-01-09", LegalStatus.V2, ReasonForNewEpisode.S) })).Message, StringComparison.Ordinal);

    [Fact]
    public void SplitIntoPeriods_OpenEpisodeFollowedByAnother_Throws() =>
        Assert.Contains("only the last episode can be open", Assert.Throws<ArgumentException>(() => Episodes.SplitIntoPeriods(new[]
        {
            E("2024-01-10", null, LegalStatus.V2, ReasonForNewEpisode.S),
            E("2024-03-01", null, LegalStatus.C1, ReasonForNewEpisode.L),
        })).Message, StringComparison.Ordinal);

    [Fact]
    public void RunOn_FindsTheContinuousRun()
    {
        var run = Episodes.RunOn(Example, D("2024-04-01"), LegalStatuses.IsCareOrder);
        Assert.NotNull(run);
        Assert.Equal(D("2024-03-01"), run.Start);
        Assert.Equal(2, run.Episodes.Count);
        Assert.Null(Episodes.RunOn(Example, D("2024-02-01"), LegalStatuses.IsCareOrder));
    }

    // LOC-1 worked examples.
    [Theory]
    [InlineData("2024-11-30", "2025-02-28", false)] // the threshold day itself
    [InlineData("2024-11-30", "2025-03-01", true)] // flagged from the day after
    [InlineData("2025-01-31", "2025-04-30", false)]
    [InlineData("2025-01-31", "2025-05-01", true)]
    [InlineData("2024-02-29", "2024-05-29", false)] // 29 February start
    [InlineData("2024-02-29", "2024-05-30", true)]
    public void Section20_OverThreeMonths_Boundaries(string start, string asOf, bool flagged)
    {
        var status = Section20.Assess(new[] { E(start, null, LegalStatus.V2, ReasonForNewEpisode.S) }, D(asOf));
        Assert.Equal(flagged, status.IsFlagged);
        Assert.Equal("LOC-1", status.Finding.Rule.Value);
        Assert.Equal(flagged ? Outcome.NotMet : Outcome.Met, status.Finding.Outcome);
    }

    [Fact]
    public void Section20_Finding_ExplainsStartAndThreshold()
    {
        var status = Section20.Assess(new[] { E("2024-11-30", null, LegalStatus.V2, ReasonForNewEpisode.S) }, D("2025-03-03"));
        Assert.Equal(D("2025-02-28"), status.ThresholdEnds);
        Assert.Equal("Accommodated under s20 (V2) since 2024-11-30: over 3 months (flagged from 2025-03-01); 1 entry into s20 (2024-11-30).", status.Finding.Summary);
    }

    [Fact]
    public void Section20_ChangedToCareOrder_RunEnded_NotFlagged()
    {
        var status = Section20.Assess(new[]
        {
            E("2025-01-10", "2025-02-15", LegalStatus.V2, ReasonForNewEpisode.S),
            E("2025-02-15", null, LegalStatus.C1, ReasonForNewEpisode.L),
        }, D("2025-06-01"));
        Assert.False(status.IsFlagged);
        Assert.Null(status.CurrentRun);
        Assert.Equal(Outcome.NotApplicable, status.Finding.Outcome);
    }

    [Fact]
    public void Section20_RunOfSeveralEpisodes_CountsFromTheFirst()
    {
        // A change of placement (RNE P) keeps the s20 run going.
        var status = Section20.Assess(new[]
        {
            E("2024-11-30", "2025-01-15", LegalStatus.V2, ReasonForNewEpisode.S),
            E("2025-01-15", null, LegalStatus.V2, ReasonForNewEpisode.P),
        }, D("2025-03-01"));
        Assert.True(status.IsFlagged);
        Assert.Equal(D("2024-11-30"), status.CurrentRun!.Start);
    }

    [Fact]
    public void Section20_RepeatEntries_WithinAndAcrossPeriods()
    {
        var status = Section20.Assess(new[]
        {
            E("2023-01-02", "2023-03-01", LegalStatus.V2, ReasonForNewEpisode.S), // period 1
            E("2023-09-01", "2023-10-01", LegalStatus.V2, ReasonForNewEpisode.S), // period 2
            E("2023-10-01", "2024-01-01", LegalStatus.C1, ReasonForNewEpisode.L),
            E("2024-01-01", null, LegalStatus.V2, ReasonForNewEpisode.L), // back into s20 in the same period
        }, D("2024-02-01"));
        Assert.Equal(new[] { D("2023-01-02"), D("2023-09-01"), D("2024-01-01") }, status.Entries);
        Assert.Equal(2, status.EntriesInCurrentPeriod);
        Assert.True(status.HasRepeatEntries);
        Assert.False(status.IsFlagged);
        Assert.Contains("3 entries into s20 (2023-01-02, 2023-09-01, 2024-01-01), 2 in the current period", status.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Section20_PolicyOff_ExplainsButDoesNotFlag()
    {
        var status = Section20.Assess(new[] { E("2024-01-01", null, LegalStatus.V2, ReasonForNewEpisode.S) }, D("2025-01-01"), LocalPolicy.Default with { Section20FlagEnabled = false });
        Assert.False(status.IsFlagged);
        Assert.Contains("switched off by local policy", status.Finding.Summary, StringComparison.Ordinal);
    }

    // SSDA903 duration limits.
    [Theory]
    [InlineData(LegalStatus.L1, 3, false)]
    [InlineData(LegalStatus.L1, 4, true)]
    [InlineData(LegalStatus.L2, 21, false)]
    [InlineData(LegalStatus.L2, 22, true)]
    [InlineData(LegalStatus.L3, 7, false)]
    [InlineData(LegalStatus.L3, 8, true)]
    [InlineData(LegalStatus.J2, 22, true)]
    [InlineData(LegalStatus.V3, 17, false)]
    [InlineData(LegalStatus.V3, 18, true)]
    [InlineData(LegalStatus.C2, 3000, false)]
    public void CheckDurations_Limits(LegalStatus status, int days, bool exceeded)
    {
        var start = new LocalDate(2024, 5, 1);
        var findings = Episodes.CheckDurations(new[] { new Episode(start, start.PlusDays(days), status, ReasonForNewEpisode.S) }, new LocalDate(2030, 1, 1));
        Assert.Equal(exceeded, findings.Count > 0);
    }

    [Fact]
    public void CheckDurations_BackToBackEpisodesAreAddedUp()
    {
        var findings = Episodes.CheckDurations(new[]
        {
            E("2024-05-01", "2024-05-03", LegalStatus.L1, ReasonForNewEpisode.S),
            E("2024-05-03", "2024-05-05", LegalStatus.L1, ReasonForNewEpisode.P), // 4 days of L1 in all
            E("2024-05-05", null, LegalStatus.C1, ReasonForNewEpisode.L),
        }, D("2024-06-01"));
        Assert.Contains("L1 from 2024-05-01 lasted 4 days; the SSDA903 limit for L1 is 3 days.", Assert.Single(findings).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDurations_V3Over75DaysInAReportingYear()
    {
        var breaks = Enumerable.Range(0, 6).Select(i => new Episode(new LocalDate(2024, 4, 1).PlusDays(40 * i), new LocalDate(2024, 4, 1).PlusDays(40 * i + 13), LegalStatus.V3, ReasonForNewEpisode.S));
        var finding = Assert.Single(Episodes.CheckDurations(breaks, new LocalDate(2025, 6, 1)));
        Assert.Contains("V3 short breaks total 78 days in 2024-25", finding.Summary, StringComparison.Ordinal);
    }
}
