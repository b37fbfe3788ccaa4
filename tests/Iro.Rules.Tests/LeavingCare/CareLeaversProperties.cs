using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Legal;
using Iro.Rules.LeavingCare;

namespace Iro.Rules.Tests.LeavingCare;

/// <summary>LC-1 to LC-3: status changes only on the dates the rules name (no flicker).</summary>
public class CareLeaversProperties
{
    public readonly record struct Young(LocalDate DateOfBirth, Episode[] Episodes, LocalDate? AtHomeSince);

    public static class Arbs
    {
        public static Arbitrary<Young> Young() =>
            (from birthOffset in Gen.Choose(0, 3000)
             from spells in Gen.Choose(0, 900).Two().ArrayOf()
             from home in Gen.Choose(-1, 400)
             select Build(birthOffset, spells, home)).ToArbitrary();

        private static Young Build(int birthOffset, (int Gap, int Length)[] spells, int home)
        {
            LocalDate dob = new LocalDate(2000, 1, 1).PlusDays(birthOffset);
            LocalDate d = dob.PlusYears(13);
            var episodes = new List<Episode>();
            foreach (var (gap, length) in spells.Take(4))
            {
                d = d.PlusDays(gap + 1);
                episodes.Add(new Episode(d, d.PlusDays(length / 2 + 1), length % 7 == 0 ? LegalStatus.V3 : LegalStatus.C2, ReasonForNewEpisode.S));
                d = d.PlusDays(length / 2 + 1);
            }

            LocalDate? atHome = home < 0 || episodes.Count == 0 ? null : episodes[^1].End!.Value.PlusDays(home % 30);
            return new Young(dob, episodes.ToArray(), atHome);
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 60)]
    public bool Status_ChangesOnlyOnNamedDates(Young young)
    {
        var facts = new CareLeaverFacts(young.DateOfBirth, young.Episodes) { LivingWithParentSince = young.AtHomeSince };
        var named = new HashSet<LocalDate>();
        foreach (int years in new[] { 16, 18, 21, 25 })
        {
            named.Add(young.DateOfBirth.PlusYears(years)); // no 29 February births before 2000 + 3000 days? some: handled below
            named.Add(Iro.Rules.Timescales.Age.Anniversary(young.DateOfBirth, years));
        }

        foreach (Episode e in young.Episodes)
        {
            named.Add(e.Start);
            named.Add(e.End!.Value);
        }

        if (young.AtHomeSince is LocalDate home)
        {
            named.Add(home.PlusMonths(6));
        }

        // The day 13 weeks (91 nights) since the 14th birthday are completed, counted here night by night.
        LocalDate fourteen = Iro.Rules.Timescales.Age.Anniversary(young.DateOfBirth, 14);
        int nights = 0;
        for (LocalDate d = fourteen; d < young.DateOfBirth.PlusYears(26); d = d.PlusDays(1))
        {
            if (young.Episodes.Any(e => e.LegalStatus != LegalStatus.V3 && e.Start <= d && d < e.End))
            {
                nights++;
                if (nights == 91)
                {
                    named.Add(d.PlusDays(1));
                }
            }
        }

        CareLeaverStatus previous = CareLeavers.Classify(facts, young.DateOfBirth.PlusYears(15));
        for (LocalDate d = young.DateOfBirth.PlusYears(15).PlusDays(1); d < young.DateOfBirth.PlusYears(26); d = d.PlusDays(1))
        {
            CareLeaverStatus now = CareLeavers.Classify(facts, d);
            if (now != previous && !named.Contains(d))
            {
                return false;
            }

            previous = now;
        }

        return true;
    }
}
