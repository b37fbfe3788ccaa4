using Iro.Rules.Explanations;
using Iro.Rules.Participation;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Participation;

/// <summary>PAR-1 worked examples and boundaries.</summary>
public class ParticipationCodesTests
{
    [Theory]
    [InlineData("PN0", ParticipationCode.PN0)]
    [InlineData("PN3", ParticipationCode.PN3)]
    [InlineData("PN7", ParticipationCode.PN7)]
    public void Parse_ExactCodes(string text, ParticipationCode expected) => Assert.Equal(expected, ParticipationCodes.Parse(text));

    [Theory]
    [InlineData(null, "blank")]
    [InlineData("", "blank")]
    [InlineData("   ", "blank")]
    [InlineData(" PN3", "leading or trailing blanks")]
    [InlineData("PN3 ", "leading or trailing blanks")]
    [InlineData("pn3", "not upper case")]
    [InlineData("Pn3", "not upper case")]
    [InlineData("PN8", "'PN8' is not one of PN0-PN7")]
    [InlineData("PN", "'PN' is not one of PN0-PN7")]
    [InlineData("3", "'3' is not one of PN0-PN7")]
    public void Parse_Rejects_NamingTheProblem(string? text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ParticipationCodes.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.False(ParticipationCodes.TryParse(text, out _, out string? error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Meaning_IsTheDfeWording()
    {
        Assert.Equal("Child aged under 4 at the time of the review", ParticipationCodes.Meaning(ParticipationCode.PN0));
        Assert.StartsWith("Child physically attends and speaks for him or herself", ParticipationCodes.Meaning(ParticipationCode.PN1), StringComparison.Ordinal);
        Assert.StartsWith("Child does not attend nor are his or her views conveyed to the review", ParticipationCodes.Meaning(ParticipationCode.PN7), StringComparison.Ordinal);
    }

    // PAR-1 worked examples.
    [Theory]
    [InlineData("2021-06-01", "2025-05-31", ParticipationCode.PN0, true)] // the day before the 4th birthday
    [InlineData("2021-06-01", "2025-05-31", ParticipationCode.PN1, false)]
    [InlineData("2021-06-01", "2025-06-01", ParticipationCode.PN0, false)] // the 4th birthday: strict
    [InlineData("2021-06-01", "2025-06-01", ParticipationCode.PN1, true)]
    [InlineData("2021-06-01", "2025-06-02", ParticipationCode.PN0, false)]
    [InlineData("2020-02-29", "2024-02-28", ParticipationCode.PN0, true)] // aged 3
    [InlineData("2020-02-29", "2024-02-29", ParticipationCode.PN5, true)] // 4th birthday in a leap year
    public void Validate_Strict(string dob, string review, ParticipationCode code, bool valid)
    {
        Finding f = ParticipationCodes.Validate(code, Dates.Parse(dob), Dates.Parse(review));
        Assert.Equal(valid ? Outcome.Met : Outcome.NotMet, f.Outcome);
        Assert.Equal("PAR-1", f.Rule.Value);
        Assert.Contains("strict AGE-1 reading", f.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-01", ParticipationCode.PN0, true)] // both accepted on the birthday
    [InlineData("2025-06-01", ParticipationCode.PN2, true)]
    [InlineData("2025-06-02", ParticipationCode.PN0, false)] // only on the birthday itself
    [InlineData("2025-05-31", ParticipationCode.PN2, false)]
    public void Validate_Ssda903BirthdayTolerance(string review, ParticipationCode code, bool valid)
    {
        var policy = LocalPolicy.Default with { Ssda903BirthdayTolerance = true };
        Finding f = ParticipationCodes.Validate(code, new LocalDate(2021, 6, 1), Dates.Parse(review), policy);
        Assert.Equal(valid ? Outcome.Met : Outcome.NotMet, f.Outcome);
        if (review == "2025-06-01")
        {
            Assert.Contains("SSDA903 validator reading", f.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_LeapDayBirth_FourthBirthdayAlwaysFallsInALeapYear()
    {
        // A child born on 29 February turns 4 on a 29 February (4 years later is always a leap year before 2100), so
        // both AGE-1a options agree: PN0 is wrong on 2024-02-29 and right on 2024-02-28.
        foreach (var rule in new[] { LeapDayBirthday.March1, LeapDayBirthday.February28 })
        {
            var policy = LocalPolicy.Default with { LeapDayBirthday = rule };
            Assert.Equal(Outcome.NotMet, ParticipationCodes.Validate(ParticipationCode.PN0, new LocalDate(2020, 2, 29), new LocalDate(2024, 2, 29), policy).Outcome);
            Assert.Equal(Outcome.Met, ParticipationCodes.Validate(ParticipationCode.PN0, new LocalDate(2020, 2, 29), new LocalDate(2024, 2, 28), policy).Outcome);
        }
    }

    [Fact]
    public void Validate_ReviewBeforeBirth_Throws() =>
        Assert.Equal("reviewDate", Assert.Throws<ArgumentException>(() => ParticipationCodes.Validate(ParticipationCode.PN1, new LocalDate(2020, 1, 1), new LocalDate(2019, 1, 1))).ParamName);

    // Derivation.
    [Theory]
    [InlineData(true, true, false, false, false, ParticipationCode.PN1)]
    [InlineData(true, true, true, true, true, ParticipationCode.PN1)] // speaking for themselves wins
    [InlineData(true, false, true, false, false, ParticipationCode.PN2)]
    [InlineData(true, false, false, true, false, ParticipationCode.PN3)]
    [InlineData(true, false, false, false, false, ParticipationCode.PN4)]
    [InlineData(true, false, false, false, true, ParticipationCode.PN4)] // attended: "another way" does not apply
    [InlineData(false, false, true, false, false, ParticipationCode.PN5)]
    [InlineData(false, false, true, false, true, ParticipationCode.PN5)]
    [InlineData(false, false, false, false, true, ParticipationCode.PN6)]
    [InlineData(false, false, false, false, false, ParticipationCode.PN7)]
    [InlineData(false, true, false, true, false, ParticipationCode.PN7)] // absent: speaking or signing at the review cannot happen
    public void Derive_FromFacts(bool attended, bool spoke, bool advocate, bool nonVerbal, bool otherWay, ParticipationCode expected)
    {
        var derived = ParticipationCodes.Derive(new ParticipationFacts(attended, spoke, advocate, nonVerbal, otherWay), new LocalDate(2010, 1, 1), new LocalDate(2025, 1, 1));
        Assert.Equal(expected, derived.Code);
        Assert.StartsWith(expected + ":", derived.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_UnderFour_IsPN0WhateverHappened()
    {
        var derived = ParticipationCodes.Derive(new ParticipationFacts(true, true), new LocalDate(2021, 6, 1), new LocalDate(2025, 5, 31));
        Assert.Equal(ParticipationCode.PN0, derived.Code);
        Assert.Equal("PN0: the child was 3 on 2025-05-31, under 4.", derived.Finding.Summary);
    }
}
