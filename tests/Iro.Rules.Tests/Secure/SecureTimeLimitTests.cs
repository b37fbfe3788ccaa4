using Iro.Rules.Explanations;
using Iro.Rules.Secure;

namespace Iro.Rules.Tests.Secure;

/// <summary>SEC-2 and SEC-3 worked examples, clock changes and court authority.</summary>
public class SecureTimeLimitTests
{
    private static LocalDateTime L(string iso) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(iso).GetValueOrThrow();

    private static SecureInterval P(string from, string to) => SecureInterval.InLondon(L(from), L(to));

    private static Instant At(string iso) => L(iso).InZoneLeniently(SecureInterval.London).ToInstant();

    [Fact]
    public void Sec2_Exactly72Hours_AtTheLimit_Compliant()
    {
        var r = SecureTimeLimit.Assess(new[] { P("2025-01-06T09:00:00", "2025-01-09T09:00:00") });
        Assert.Equal(Duration.FromHours(72), r.MaxInAnyWindow);
        Assert.Equal(At("2025-01-09T09:00:00"), r.LimitReachedAt);
        Assert.True(r.IsWithinLimit);
        Assert.Equal(Outcome.Met, r.Finding.Outcome);
    }

    [Fact]
    public void Sec2_73HoursInOneWindow_LimitReachedAt09_BreachForTheHourAfter()
    {
        var r = SecureTimeLimit.Assess(new[] { P("2025-01-20T09:00:00", "2025-01-21T10:00:00"), P("2025-01-06T09:00:00", "2025-01-08T09:00:00") });
        Assert.Equal(At("2025-01-21T09:00:00"), r.LimitReachedAt);
        Assert.Equal(Duration.FromHours(1), r.ExceededBy);
        Assert.Equal(Duration.FromHours(73), r.MaxInAnyWindow);
        Assert.False(r.Extended);
        Assert.Equal(Outcome.NotMet, r.Finding.Outcome);
        Assert.Contains("the 72-hour limit was reached at 2025-01-21 09:00; exceeded by 1 hour", r.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Sec2_TwentySevenDayGap_NoWindowHoldsMoreThan48Hours()
    {
        var r = SecureTimeLimit.Assess(new[] { P("2025-01-06T09:00:00", "2025-01-08T09:00:00"), P("2025-02-04T09:00:00", "2025-02-05T15:00:00") });
        Assert.Equal(Duration.FromHours(48), r.MaxInAnyWindow);
        Assert.Null(r.LimitReachedAt);
        Assert.True(r.IsWithinLimit);
    }

    [Theory]
    [InlineData("2025-01-09T08:59:00", true)] // the minute before
    [InlineData("2025-01-09T09:00:00", true)] // exactly 72 hours
    [InlineData("2025-01-09T09:01:00", false)] // the minute after
    public void Sec2_Boundary(string end, bool within) =>
        Assert.Equal(within, SecureTimeLimit.Assess(new[] { P("2025-01-06T09:00:00", end) }).IsWithinLimit);

    [Fact]
    public void Sec2_OctoberClockChange_72RealHours_Are71OnTheWallClock()
    {
        // Clocks go back at 02:00 BST on Sunday 26 October 2025.
        var r = SecureTimeLimit.Assess(new[] { P("2025-10-24T12:00:00", "2025-10-27T12:00:00") });
        Assert.Equal(At("2025-10-27T11:00:00"), r.LimitReachedAt);
        Assert.Equal(Duration.FromHours(1), r.ExceededBy); // no extension: nothing in the 27 days before
    }

    [Fact]
    public void Sec2_MarchClockChange_72RealHours_Are73OnTheWallClock()
    {
        // Clocks go forward at 01:00 GMT on Sunday 30 March 2025.
        var r = SecureTimeLimit.Assess(new[] { P("2025-03-28T12:00:00", "2025-03-31T13:00:00") });
        Assert.Equal(Duration.FromHours(72), r.MaxInAnyWindow);
        Assert.True(r.IsWithinLimit);
        Assert.Equal(At("2025-03-31T13:00:00"), r.LimitReachedAt);
    }

    [Fact]
    public void Sec2_TimeUnderCourtAuthority_IsNotCounted()
    {
        var r = SecureTimeLimit.Assess(
            new[] { P("2025-01-06T09:00:00", "2025-01-12T09:00:00") },
            new[] { P("2025-01-08T09:00:00", "2025-01-12T09:00:00") });
        Assert.Equal(Duration.FromHours(48), r.MaxInAnyWindow);
        Assert.True(r.IsWithinLimit);
    }

    [Fact]
    public void Sec2_AfterAnAuthorisationEnds_EarlierTimeIsDisregarded()
    {
        var placements = new[] { P("2025-01-01T00:00:00", "2025-01-03T12:00:00"), P("2025-01-14T00:00:00", "2025-01-15T12:00:00") };
        var without = SecureTimeLimit.Assess(placements); // 60 + 36 hours, reached on a Tuesday: no extension
        Assert.Equal(Duration.FromHours(24), without.ExceededBy);
        var withOrder = SecureTimeLimit.Assess(placements, new[] { P("2025-01-05T00:00:00", "2025-01-10T00:00:00") });
        Assert.True(withOrder.IsWithinLimit);
        Assert.Equal(Duration.FromHours(60), withOrder.MaxInAnyWindow);
    }

    [Fact]
    public void Sec2a_CalendarDaysReading_IsNoStricterThanRolling()
    {
        // 6 hours on 1 January and 66 hours from 27 January: rolling 672 hours reaches 72 at 29 January 18:00; 28
        // calendar days (from midnight on 2 January) never do.
        var placements = new[] { P("2025-01-01T18:00:00", "2025-01-02T00:00:00"), P("2025-01-27T00:00:00", "2025-01-29T19:00:00") };
        var rolling = SecureTimeLimit.Assess(placements);
        Assert.Equal(At("2025-01-29T18:00:00"), rolling.LimitReachedAt);
        Assert.True(rolling.IsWithinLimit); // the early hours slide out as fast as new ones come in
        var calendar = SecureTimeLimit.Assess(placements, policy: LocalPolicy.Default with { SecureWindow = SecureWindow.CalendarDays });
        Assert.Null(calendar.LimitReachedAt);
        Assert.Equal(Duration.FromHours(67), calendar.MaxInAnyWindow);
    }

    // SEC-3 worked examples. A 49-hour placement in February makes the "more than 48 hours in the 27 days before" condition true.
    private static readonly SecureInterval Earlier49 = P("2025-02-20T09:00:00", "2025-02-22T10:00:00");

    [Fact]
    public void Sec3_LimitOnSundayAfternoon_ExtendedToMondayMidday()
    {
        var r = SecureTimeLimit.Assess(new[] { Earlier49, P("2025-03-08T16:00:00", "2025-03-10T12:00:00") });
        Assert.Equal(At("2025-03-09T15:00:00"), r.LimitReachedAt);
        Assert.True(r.Extended);
        Assert.Equal(At("2025-03-10T12:00:00"), r.PermittedUntil);
        Assert.True(r.IsWithinLimit);
        Assert.Equal(Outcome.Met, r.Extension!.Outcome);
    }

    [Fact]
    public void Sec3_KeptTwoHoursPastTheExtension_ExceededByTwoHours()
    {
        var r = SecureTimeLimit.Assess(new[] { Earlier49, P("2025-03-08T16:00:00", "2025-03-10T14:00:00") });
        Assert.Equal(Duration.FromHours(2), r.ExceededBy);
    }

    [Fact]
    public void Sec3_LimitOnSaturdayAfterMidday_IsInTheSundayWindow()
    {
        var r = SecureTimeLimit.Assess(new[] { Earlier49, P("2025-03-07T14:00:00", "2025-03-10T09:00:00") });
        Assert.Equal(At("2025-03-08T13:00:00"), r.LimitReachedAt);
        Assert.Equal(At("2025-03-10T12:00:00"), r.PermittedUntil);
    }

    [Fact]
    public void Sec3_LimitOnSaturdayMorning_IsNotExtended()
    {
        var r = SecureTimeLimit.Assess(new[] { Earlier49, P("2025-03-07T12:00:00", "2025-03-08T12:00:00") });
        Assert.Equal(At("2025-03-08T11:00:00"), r.LimitReachedAt);
        Assert.False(r.Extended);
        Assert.Equal(Duration.FromHours(1), r.ExceededBy);
    }

    [Fact]
    public void Sec3_Only30HoursBefore_NoExtension()
    {
        var r = SecureTimeLimit.Assess(new[] { P("2025-02-20T09:00:00", "2025-02-21T15:00:00"), P("2025-03-07T21:00:00", "2025-03-10T12:00:00") });
        Assert.Equal(At("2025-03-09T15:00:00"), r.LimitReachedAt);
        Assert.False(r.Extended);
        Assert.Equal(Outcome.NotApplicable, r.Extension!.Outcome);
        Assert.Contains("not more than 48 hours", r.Extension.Summary, StringComparison.Ordinal);
        Assert.False(r.IsWithinLimit);
    }

    [Fact]
    public void Sec3_ThursdayBeforeGoodFriday_ExtendedToSaturdayMidday_NotPastEaster()
    {
        var r = SecureTimeLimit.Assess(new[] { P("2025-04-01T09:00:00", "2025-04-03T10:00:00"), P("2025-04-16T15:00:00", "2025-04-19T12:00:00") });
        Assert.Equal(At("2025-04-17T14:00:00"), r.LimitReachedAt);
        Assert.Equal(At("2025-04-19T12:00:00"), r.PermittedUntil);
        Assert.True(r.IsWithinLimit);
    }

    [Fact]
    public void Sec3_SaturdayOption_ExtendsFromFridayMidday()
    {
        var placements = new[] { Earlier49, P("2025-03-06T14:00:00", "2025-03-07T13:00:00") };
        Assert.False(SecureTimeLimit.Assess(placements).Extended); // Friday 13:00 is outside the Sunday window
        var withSaturday = SecureTimeLimit.Assess(placements, policy: LocalPolicy.Default with { SecureExtensionIncludesSaturday = true });
        Assert.True(withSaturday.Extended);
        Assert.Equal(At("2025-03-10T12:00:00"), withSaturday.PermittedUntil);
    }

    [Fact]
    public void BadInput_EndBeforeStart_AndOverlaps_AreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => SecureTimeLimit.Assess(new[] { P("2025-01-06T09:00:00", "2025-01-05T09:00:00") }));
        Assert.Equal("placements", e.ParamName);
        Assert.Contains("2025-01-05 09:00 is before its start", e.Message, StringComparison.Ordinal);
        var overlap = Assert.Throws<ArgumentException>(() => SecureTimeLimit.Assess(new[] { P("2025-01-06T09:00:00", "2025-01-07T09:00:00"), P("2025-01-07T08:00:00", "2025-01-08T09:00:00") }));
        Assert.Contains("overlap", overlap.Message, StringComparison.Ordinal);
    }
}
