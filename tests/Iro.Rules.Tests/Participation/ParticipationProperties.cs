using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Participation;
using Iro.Rules.Tests.Calendars;

namespace Iro.Rules.Tests.Participation;

/// <summary>PAR-1: derivation and validation agree.</summary>
[Properties(Arbitrary = new[] { typeof(CalendarArbitraries), typeof(ParticipationProperties.Arbs) }, MaxTest = 500)]
public class ParticipationProperties
{
    public readonly record struct AgeDays(int Value);

    public static class Arbs
    {
        public static Arbitrary<AgeDays> AgeDays() => Gen.Choose(0, 365 * 18).Select(d => new AgeDays(d)).ToArbitrary();

        public static Arbitrary<bool> Tolerance() => Gen.Elements(true, false).ToArbitrary();
    }

    [Property]
    public bool DerivedCode_AlwaysValidates(MidRangeDate dob, AgeDays age, bool attended, bool spoke, bool advocate, bool nonVerbal, bool otherWay, bool tolerance)
    {
        LocalDate review = dob.Value.PlusDays(age.Value);
        if (review.Year > 2100)
        {
            return true;
        }

        var facts = new ParticipationFacts(attended, spoke, advocate, nonVerbal, otherWay);
        ParticipationCode code = ParticipationCodes.Derive(facts, dob.Value, review).Code;
        return ParticipationCodes.Validate(code, dob.Value, review, LocalPolicy.Default with { Ssda903BirthdayTolerance = tolerance }).Outcome == Iro.Rules.Explanations.Outcome.Met;
    }

    [Property]
    public bool Parse_RoundTripsEveryCode(byte n)
    {
        var code = (ParticipationCode)(n % 8);
        return ParticipationCodes.Parse(code.ToString()) == code;
    }
}
