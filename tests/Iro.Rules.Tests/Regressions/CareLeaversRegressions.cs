using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;

namespace Iro.Rules.Tests.Regressions;

/// <summary>
/// LC-1 to LC-3 at the 18th birthday: care that ends on the 18th birthday after 13 weeks. Two children born
/// 2007-10-01 (18 on 2025-10-01), each looked after for exactly 91 nights ending as care ended:
/// A from 2025-07-01 to 2025-09-30 (left the day before the birthday), B from 2025-07-02 to 2025-10-01 (care ended
/// on the birthday). A became relevant on leaving and former relevant at 18; B was classified qualifying (s24)
/// because "eligible immediately before ceasing" was tested on the day before the birthday, one night short.
/// Every expected value here is written out by hand.
/// </summary>
public class CareLeaversRegressions
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static CareLeaverFacts Child(string start, string end) =>
        new(D("2007-10-01"), new[] { new Episode(D(start), D(end), LegalStatus.C2, ReasonForNewEpisode.S) });

    // Child A: left care the day before the 18th birthday, after 91 nights (1 July to the night of 29 September).
    [Theory]
    [InlineData("2025-09-29", CareLeaverStatus.None, 90)] // looked after, 90 nights: not yet 13 weeks
    [InlineData("2025-09-30", CareLeaverStatus.Relevant, 91)] // left care, eligible immediately before (91 nights)
    [InlineData("2025-10-01", CareLeaverStatus.FormerRelevant, 91)] // 18th birthday
    [InlineData("2025-10-02", CareLeaverStatus.FormerRelevant, 91)]
    public void LeftCareDayBefore18thBirthday_After91Nights(string asOf, CareLeaverStatus expected, int nights)
    {
        var a = CareLeavers.Assess(Child("2025-07-01", "2025-09-30"), D(asOf));
        Assert.Equal(expected, a.Status);
        Assert.Equal(nights, a.NightsLookedAfterSince14);
    }

    // Child B: care ended on the 18th birthday, after 91 nights (2 July to the night of 30 September).
    [Theory]
    [InlineData("2025-09-29", CareLeaverStatus.None, 89)] // looked after, 89 nights
    [InlineData("2025-09-30", CareLeaverStatus.None, 90)] // looked after, 90 nights: the 91st is the night before the birthday
    [InlineData("2025-10-01", CareLeaverStatus.FormerRelevant, 91)] // looked after when attaining 18, 91 nights: s23C(1)(b)
    [InlineData("2025-10-02", CareLeaverStatus.FormerRelevant, 91)]
    public void CareEndedOn18thBirthday_After91Nights(string asOf, CareLeaverStatus expected, int nights)
    {
        var a = CareLeavers.Assess(Child("2025-07-02", "2025-10-01"), D(asOf));
        Assert.Equal(expected, a.Status);
        Assert.Equal(nights, a.NightsLookedAfterSince14);
    }

    [Fact]
    public void CareEndedOn18thBirthday_After91Nights_FormerRelevantFinding()
    {
        var a = CareLeavers.Assess(Child("2025-07-02", "2025-10-01"), D("2025-10-01"));
        Assert.Equal("LC-3", a.Finding.Rule.Value);
        Assert.Equal(D("2028-09-30"), a.CoreDutiesEnd);
        Assert.Null(a.EligibleFrom); // no whole day as an eligible child: the 91st night ran into the 18th birthday
        Assert.Contains("looked after when turning 18", a.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CareEndedOn18thBirthday_After90Nights_Qualifying()
    {
        // One night short (3 July to the 18th birthday): never eligible, so qualifying (s24), not former relevant.
        var facts = Child("2025-07-03", "2025-10-01");
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(facts, D("2025-09-30")));
        Assert.Equal(CareLeaverStatus.Qualifying, CareLeavers.Classify(facts, D("2025-10-01")));
    }

    [Fact]
    public void CareEndedOn18thBirthday_NightAfter16Option_SameAnswer()
    {
        var policy = LocalPolicy.Default with { RequireNightAfterSixteenthBirthday = true };
        Assert.Equal(CareLeaverStatus.FormerRelevant, CareLeavers.Classify(Child("2025-07-02", "2025-10-01"), D("2025-10-01"), policy));
        Assert.Equal(CareLeaverStatus.FormerRelevant, CareLeavers.Classify(Child("2025-07-01", "2025-09-30"), D("2025-10-01"), policy));
    }

    [Fact]
    public void CareStillOpenAfter18thBirthday_After91NightsToTheBirthday_FormerRelevant()
    {
        // An episode recorded past 18 (no child is looked after at 18): the same nights up to the birthday count.
        var facts = new CareLeaverFacts(D("2007-10-01"), new[] { new Episode(D("2025-07-02"), null, LegalStatus.C2, ReasonForNewEpisode.S) });
        Assert.Equal(CareLeaverStatus.None, CareLeavers.Classify(facts, D("2025-09-30")));
        Assert.Equal(CareLeaverStatus.FormerRelevant, CareLeavers.Classify(facts, D("2025-10-01")));
    }

    // LC-1a edge, unchanged: care ending on the 16th birthday gives no looked-after day at 16, so the child is never
    // eligible, never relevant and never former relevant (born 2008-05-10, looked after 2024-02-09 to 2024-05-10).
    [Theory]
    [InlineData("2024-05-09", CareLeaverStatus.None)]
    [InlineData("2024-05-10", CareLeaverStatus.None)]
    [InlineData("2024-05-11", CareLeaverStatus.None)]
    [InlineData("2026-05-10", CareLeaverStatus.None)]
    public void Lc1a_CareEndingOn16thBirthday_NeverACareLeaver(string asOf, CareLeaverStatus expected) =>
        Assert.Equal(expected, CareLeavers.Classify(
            new CareLeaverFacts(D("2008-05-10"), new[] { new Episode(D("2024-02-09"), D("2024-05-10"), LegalStatus.C2, ReasonForNewEpisode.S) }), D(asOf)));

    /// <summary>A history after the 16th birthday whose last period ends on the 18th birthday.</summary>
    public readonly record struct EndsAt18(LocalDate DateOfBirth, (int Offset, int Length)? Earlier, int LastLength);

    public static class Arbs
    {
        public static Arbitrary<EndsAt18> EndsAt18() =>
            (from birthOffset in Gen.Choose(0, 4000)
             from hasEarlier in Gen.Elements(true, false)
             from offset in Gen.Choose(2, 300)
             from length in Gen.Choose(1, 120)
             from last in Gen.Choose(1, 200)
             select new EndsAt18(new LocalDate(1995, 1, 1).PlusDays(birthOffset), hasEarlier ? (offset, length) : null, last)).ToArbitrary();
    }

    /// <summary>
    /// Moving the whole history one day earlier, so that care ends the day before the 18th birthday instead of on
    /// it, keeps the nights counted (every period starts after the 16th birthday) and so the status from 18: former
    /// relevant exactly when the nights reach 91, worked out here by adding up the lengths.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 200)]
    public bool ShiftingOneDayEarlier_KeepsFormerRelevantStatusAt18(EndsAt18 young)
    {
        LocalDate dob = young.DateOfBirth;
        bool leapBirth = dob.Month == 2 && dob.Day == 29;
        LocalDate Birthday(int years) =>
            leapBirth && !DateTime.IsLeapYear(dob.Year + years) ? new LocalDate(dob.Year + years, 3, 1) : new LocalDate(dob.Year + years, dob.Month, dob.Day);
        LocalDate sixteen = Birthday(16);
        LocalDate eighteen = Birthday(18);

        var onBirthday = new List<Episode>();
        int nights = young.LastLength;
        LocalDate lastStart = eighteen.PlusDays(-young.LastLength);
        if (young.Earlier is (int offset, int length))
        {
            // An earlier period, from at least the second day after 16, ending at least one day before the last starts.
            LocalDate start = sixteen.PlusDays(offset);
            LocalDate end = start.PlusDays(length);
            if (end < lastStart)
            {
                onBirthday.Add(new Episode(start, end, LegalStatus.C2, ReasonForNewEpisode.S));
                nights += length;
            }
        }

        onBirthday.Add(new Episode(lastStart, eighteen, LegalStatus.C2, ReasonForNewEpisode.S));
        var dayBefore = onBirthday.Select(e => new Episode(e.Start.PlusDays(-1), e.End!.Value.PlusDays(-1), e.LegalStatus, e.Reason)).ToArray();
        CareLeaverStatus expected = nights >= 91 ? CareLeaverStatus.FormerRelevant : CareLeaverStatus.Qualifying;
        foreach (LocalDate asOf in new[] { eighteen, eighteen.PlusDays(1), Birthday(21).PlusDays(-1) })
        {
            if (CareLeavers.Classify(new CareLeaverFacts(dob, onBirthday), asOf) != expected
                || CareLeavers.Classify(new CareLeaverFacts(dob, dayBefore), asOf) != expected)
            {
                return false;
            }
        }

        return true;
    }
}
