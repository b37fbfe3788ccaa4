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
            // The default 29 February rule (1 March), worked out here: only that date may change a status.
            int year = young.DateOfBirth.Year + years;
            bool leapBirth = young.DateOfBirth.Month == 2 && young.DateOfBirth.Day == 29;
            named.Add(leapBirth && !DateTime.IsLeapYear(year) ? new LocalDate(year, 3, 1) : new LocalDate(year, young.DateOfBirth.Month, young.DateOfBirth.Day));
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
        bool leap = young.DateOfBirth.Month == 2 && young.DateOfBirth.Day == 29;
        int y14 = young.DateOfBirth.Year + 14;
        LocalDate fourteen = leap && !DateTime.IsLeapYear(y14) ? new LocalDate(y14, 3, 1) : new LocalDate(y14, young.DateOfBirth.Month, young.DateOfBirth.Day);
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
