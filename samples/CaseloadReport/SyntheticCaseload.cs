using System;
using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Calendars;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using NodaTime;

namespace CaseloadReport;

/// <summary>A deterministic synthetic caseload: the same children everywhere, from a fixed seed.</summary>
internal static class SyntheticCaseload
{
    internal static IEnumerable<ChildCase> Build(int count, LocalDate asOf, int seed = 20261123)
    {
        var random = new Random(seed);
        WorkingDayCalendar ew = WorkingDayCalendar.EnglandAndWales;
        for (int i = 0; i < count; i++)
        {
            string id = "C" + (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            int ageDays = random.Next(30, 18 * 365 - 30);
            LocalDate dob = asOf.PlusDays(-ageDays);
            LocalDate start = asOf.PlusDays(-random.Next(5, Math.Min(ageDays, 5 * 365)));
            if (start < dob)
            {
                start = dob;
            }

            // Legal status mix: about 25% s20, 60% care orders, the rest placement orders.
            double roll = random.NextDouble();
            LegalStatus first = roll < 0.25 ? LegalStatus.V2 : roll < 0.45 ? LegalStatus.C1 : roll < 0.9 ? LegalStatus.C2 : LegalStatus.E1;
            var episodes = new List<Episode>();
            LocalDate? change = first == LegalStatus.C1 && random.NextDouble() < 0.7 ? start.PlusDays(random.Next(30, 300)) : null;
            if (change is LocalDate c && c < asOf)
            {
                episodes.Add(new Episode(start, c, first, ReasonForNewEpisode.S, "U1"));
                episodes.Add(new Episode(c, null, LegalStatus.C2, ReasonForNewEpisode.L, "U1"));
            }
            else
            {
                episodes.Add(new Episode(start, null, first, ReasonForNewEpisode.S, "U1"));
            }

            // Reviews: mostly on time, some late, by the statutory timetable.
            var reviews = new List<CaseReview>();
            var visits = new List<LocalDate>();
            LocalDate due = ew.AddWorkingDays(start, 20);
            int number = 1;
            while (true)
            {
                int slack = random.NextDouble() < 0.95 ? -random.Next(0, 20) : random.Next(1, 25);
                LocalDate held = due.PlusDays(slack);
                if (held <= start)
                {
                    held = start.PlusDays(1);
                }

                if (held > asOf || (random.NextDouble() < 0.03 && held > asOf.PlusDays(-30)))
                {
                    break;
                }

                int age = Period.Between(dob, held, PeriodUnits.Years).Years;
                ParticipationCode code = age < 4 ? (random.NextDouble() < 0.02 ? ParticipationCode.PN1 : ParticipationCode.PN0) : Pick(random);
                reviews.Add(new CaseReview(held, code));
                if (random.NextDouble() < 0.9)
                {
                    visits.Add(held.PlusDays(-random.Next(1, 40)));
                }

                due = number == 1 ? held.PlusMonths(3) : held.PlusMonths(6);
                number++;
            }

            LocalDate? plan = reviews.Count >= 2 ? reviews[1].Date.PlusDays(random.NextDouble() < 0.8 ? -random.Next(1, 60) : random.Next(1, 60)) : null;
            LocalDate? order = first == LegalStatus.E1 ? start.PlusDays(random.Next(0, 200)) : null;
            LocalDate? placed = order is LocalDate o && random.NextDouble() < 0.5 ? o.PlusDays(random.Next(30, 400)) : null;
            yield return new ChildCase(id, dob, episodes, reviews)
            {
                IroVisits = visits,
                PermanencePlanAgreedOn = plan is LocalDate p && p <= asOf ? p : null,
                PlacementOrderOn = order is LocalDate oo && oo <= asOf ? oo : null,
                PlacedForAdoptionOn = placed is LocalDate pl && pl <= asOf ? pl : null,
                PathwayPlanOn = random.NextDouble() < 0.85 ? dob.PlusYears(16).PlusMonths(2) : null,
            };
        }
    }

    private static ParticipationCode Pick(Random random)
    {
        // Roughly the seed report's mix for children aged 4 and over.
        double r = random.NextDouble();
        return r < 0.42 ? ParticipationCode.PN1
            : r < 0.43 ? ParticipationCode.PN2
            : r < 0.436 ? ParticipationCode.PN3
            : r < 0.441 ? ParticipationCode.PN4
            : r < 0.66 ? ParticipationCode.PN5
            : r < 0.967 ? ParticipationCode.PN6
            : ParticipationCode.PN7;
    }
}
