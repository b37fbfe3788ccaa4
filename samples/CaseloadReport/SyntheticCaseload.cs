using System;
using System.Collections.Generic;
using System.Globalization;
using Iro.Rules.Caseload;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Secure;
using System.Linq;
using NodaTime;

namespace CaseloadReport;

/// <summary>
/// A deterministic synthetic caseload: the same children everywhere, from a fixed seed. A realistic mix of ages, legal
/// statuses (s20, care orders, placement orders, short breaks), placement moves, earlier periods of care (repeat
/// entries), children who left care (at 18 or home), late reviews, missing visits, escalations and a few secure stays.
/// Also used by the benchmarks (with <c>longHistories</c>: about 6 episodes and 8 reviews per child).
/// </summary>
internal static class SyntheticCaseload
{
    private static readonly string[] Placements = ["U1", "U3", "U4", "U5", "K2", "R1", "P1"];

    /// <summary>The IRO service: 20 IROs, a few part-time (IRO-3's range is pro-rated by FTE; the others are 1.0).</summary>
    private static readonly string[] Iros = Enumerable.Range(1, 20).Select(static i => "IRO-" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The synthetic IRO roster: IRO-03, IRO-11 and IRO-17 part-time, the rest full-time.</summary>
    internal static IroRoster Roster { get; } = new(Iros.Select(static iro => new KeyValuePair<string, decimal>(iro, iro switch
    {
        "IRO-03" => 0.6m,
        "IRO-11" => 0.8m,
        "IRO-17" => 0.5m,
        _ => 1.0m,
    })));

    internal static IEnumerable<ChildCase> Build(int count, LocalDate asOf, int seed = 20261123, bool longHistories = false)
    {
        var random = new Random(seed);
        var allocating = new Random(seed + 1); // IRO allocations from a stream of their own: the rest of the caseload stays as it was
        WorkingDayCalendar ew = WorkingDayCalendar.EnglandAndWales;
        for (int i = 0; i < count; i++)
        {
            string id = "C" + (100000 + i).ToString(CultureInfo.InvariantCulture);
            int ageDays = longHistories ? random.Next(8 * 365, 17 * 365) : random.Next(30, 19 * 365);
            LocalDate dob = asOf.PlusDays(-ageDays);
            LocalDate eighteen = dob.PlusYears(18);
            int inCare = longHistories ? random.Next(1200, 1400) : random.Next(5, 5 * 365);
            LocalDate start = asOf.PlusDays(-Math.Min(inCare, ageDays - 1));
            if (eighteen <= start)
            {
                start = eighteen.PlusDays(-random.Next(60, 3 * 365)); // a care leaver: came into care before 18
            }

            var episodes = new List<Episode>();
            var reviews = new List<CaseReview>();
            var visits = new List<LocalDate>();

            // An earlier period under s20 (a repeat entry into care) for about 1 in 10.
            if (!longHistories && random.NextDouble() < 0.1 && Period.DaysBetween(dob, start) > 500)
            {
                LocalDate earlier = start.PlusDays(-random.Next(300, 480));
                LocalDate home = earlier.PlusDays(random.Next(40, 200));
                episodes.Add(new Episode(earlier, home, LegalStatus.V2, ReasonForNewEpisode.S, "U1"));
                AddReviews(random, ew, dob, earlier, home, asOf, reviews, visits);
            }

            // The current (or latest) period: it ends at 18, or for a few on return home.
            LocalDate? end = eighteen <= asOf ? eighteen
                : random.NextDouble() < 0.06 && Period.DaysBetween(start, asOf) > 60 ? asOf.PlusDays(-random.Next(1, Math.Min(300, Period.DaysBetween(start, asOf) - 30)))
                : null;
            double roll = random.NextDouble();
            LegalStatus status = roll < 0.22 ? LegalStatus.V2 : roll < 0.42 ? LegalStatus.C1 : roll < 0.88 ? LegalStatus.C2 : roll < 0.97 || longHistories ? LegalStatus.E1 : LegalStatus.V3;
            if (status == LegalStatus.V3)
            {
                AddShortBreaks(random, start, asOf, episodes);
            }
            else
            {
                AddEpisodes(random, start, end, asOf, status, longHistories ? 5 : random.Next(0, 4), dob, episodes);
            }

            AddReviews(random, ew, dob, start, end ?? asOf.PlusDays(1), asOf, reviews, visits);

            LocalDate? plan = reviews.Count >= 2 ? reviews[^Math.Min(reviews.Count, 2)].Date.PlusDays(random.NextDouble() < 0.8 ? -random.Next(1, 60) : random.Next(1, 60)) : null;
            LocalDate? order = status == LegalStatus.E1 ? start.PlusDays(random.Next(0, 200)) : null;
            LocalDate? placed = order is LocalDate o && random.NextDouble() < 0.5 ? o.PlusDays(random.Next(30, 400)) : null;
            LocalDate pathwayPlan = dob.PlusYears(16).PlusMonths(random.NextDouble() < 0.9 ? 2 : 4);
            var child = new ChildCase(id, dob, episodes, reviews)
            {
                IroVisits = visits,
                TracksReviewRecords = true,
                PermanencePlanAgreedOn = plan is LocalDate p && p <= asOf ? p : null,
                PlacementOrderOn = order is LocalDate oo && oo <= asOf ? oo : null,
                PlacedForAdoptionOn = placed is LocalDate pl && pl <= asOf ? pl : null,
                PathwayPlanOn = pathwayPlan <= asOf && random.NextDouble() < 0.92 ? pathwayPlan : null,
                IroAllocations = Allocations(allocating, episodes, asOf),
                Escalations = random.NextDouble() < 0.04 ? [Escalation(random, ew, start, asOf)] : null,
                SecureStays = !longHistories && Period.DaysBetween(dob, asOf) > 13 * 365 && end is null && random.NextDouble() < 0.01
                    ? [new SecureStay(asOf.PlusDays(-random.Next(20, 120)).At(new LocalTime(17, 30)))]
                    : null,
            };
            yield return child.SecureStays is { } stays ? WithSecureOrder(random, child, stays[0], asOf) : child;
        }
    }

    private static void AddEpisodes(Random random, LocalDate start, LocalDate? end, LocalDate asOf, LegalStatus status, int changes, LocalDate dob, List<Episode> episodes)
    {
        LocalDate last = end ?? asOf;
        var dates = new SortedSet<LocalDate>();
        for (int k = 0; k < changes && Period.DaysBetween(start, last) > 2 * changes + 2; k++)
        {
            dates.Add(start.PlusDays(random.Next(1, Period.DaysBetween(start, last))));
        }

        LocalDate from = start;
        ReasonForNewEpisode reason = ReasonForNewEpisode.S;
        string place = Placements[random.Next(Placements.Length)];
        foreach (LocalDate change in dates)
        {
            episodes.Add(new Episode(from, change, status, reason, place));
            if (random.NextDouble() < 0.3 && status is LegalStatus.V2 or LegalStatus.C1)
            {
                status = LegalStatus.C2; // a care order made
                reason = ReasonForNewEpisode.L;
            }
            else
            {
                place = Period.DaysBetween(dob, change) > 16 * 365 && random.NextDouble() < 0.4 ? "H5" : Placements[random.Next(Placements.Length)];
                reason = ReasonForNewEpisode.P;
            }

            from = change;
        }

        episodes.Add(new Episode(from, end, status, reason, place));
    }

    private static void AddShortBreaks(Random random, LocalDate start, LocalDate asOf, List<Episode> episodes)
    {
        // Short breaks: a 2-4 night stay every month or so (the later ones can fall after asOf, and are ignored then).
        LocalDate from = start;
        ReasonForNewEpisode reason = ReasonForNewEpisode.S;
        while (from <= asOf && episodes.Count < 60)
        {
            LocalDate to = from.PlusDays(random.Next(2, 5));
            episodes.Add(new Episode(from, to, LegalStatus.V3, reason, "U1"));
            from = to.PlusDays(random.Next(20, 40));
        }
    }

    private static void AddReviews(Random random, WorkingDayCalendar ew, LocalDate dob, LocalDate start, LocalDate until, LocalDate asOf, List<CaseReview> reviews, List<LocalDate> visits)
    {
        // Mostly on time, some late, by the statutory timetable; recommendations and minutes mostly sent in time.
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

            if (held >= until || held > asOf || (random.NextDouble() < 0.03 && held > asOf.PlusDays(-30)))
            {
                break;
            }

            int age = Period.Between(dob, held, PeriodUnits.Years).Years;
            ParticipationCode code = age < 4 ? (random.NextDouble() < 0.02 ? ParticipationCode.PN1 : ParticipationCode.PN0) : Pick(random);
            LocalDate recommendations = held.PlusDays(random.NextDouble() < 0.93 ? random.Next(1, 7) : random.Next(8, 20));
            LocalDate minutes = held.PlusDays(random.NextDouble() < 0.85 ? random.Next(5, 20) : random.Next(22, 40));
            reviews.Add(new CaseReview(held, code)
            {
                RecommendationsOn = recommendations <= asOf ? recommendations : null,
                MinutesOn = minutes <= asOf ? minutes : null,
            });
            if (random.NextDouble() < 0.9)
            {
                visits.Add(held.PlusDays(-random.Next(1, 40)));
            }

            due = number == 1 ? held.PlusMonths(3) : held.PlusMonths(6);
            number++;
        }
    }

    private static List<IroAllocation> Allocations(Random random, List<Episode> episodes, LocalDate asOf)
    {
        // Mostly allocated the day the child becomes looked after or the next (IRO-1's 24 hours), some later, a few not
        // yet; some children move to another IRO later. The IROs' shares are uneven, so some caseloads run high.
        var allocations = new List<IroAllocation>();
        foreach (PeriodOfCare period in Episodes.SplitIntoPeriods(episodes))
        {
            double roll = random.NextDouble();
            if (roll < 0.15 && Period.DaysBetween(period.Start, asOf) < 30)
            {
                continue; // not yet allocated
            }

            LocalDate from = period.Start.PlusDays(roll < 0.85 ? random.Next(0, 2) : random.Next(2, 12));
            allocations.Add(new IroAllocation(PickIro(random), from));
            if (random.NextDouble() < 0.15 && Period.DaysBetween(from, asOf) > 30)
            {
                allocations.Add(new IroAllocation(PickIro(random), from.PlusDays(random.Next(30, Period.DaysBetween(from, asOf)))));
            }
        }

        return allocations.Where(a => a.From <= asOf).ToList();
    }

    private static string PickIro(Random random)
    {
        // Uneven shares: IRO-01 and IRO-02 carry the most, IRO-20 the fewest.
        double r = random.NextDouble();
        return Iros[(int)(Iros.Length * r * r * 0.5 + Iros.Length * r * 0.5) % Iros.Length];
    }

    private static DisputeEscalation Escalation(Random random, WorkingDayCalendar ew, LocalDate start, LocalDate asOf)
    {
        // Stages of the default (Manchester) protocol, raised a few working days apart; most resolved.
        LocalDate raised = asOf.PlusDays(-random.Next(5, Math.Max(6, Math.Min(400, Period.DaysBetween(start, asOf)))));
        var steps = new List<EscalationStep>();
        int stages = random.Next(1, 4);
        for (int s = 1; s <= stages && raised <= asOf; s++)
        {
            steps.Add(new EscalationStep(s, raised));
            raised = ew.AddWorkingDays(raised, random.Next(2, 8));
        }

        LocalDate resolved = steps[^1].RaisedOn.PlusDays(random.Next(1, 30));
        return new DisputeEscalation(steps, random.NextDouble() < 0.75 && resolved <= asOf ? resolved : null);
    }

    private static ChildCase WithSecureOrder(Random random, ChildCase child, SecureStay stay, LocalDate asOf)
    {
        // The court authorises the placement a day or two (or, for a few, four days) after it starts; reviews monthly-ish.
        LocalDate orderFrom = stay.Start.Date.PlusDays(random.NextDouble() < 0.8 ? random.Next(1, 3) : 4);
        var reviews = new List<SecureReview>();
        for (LocalDate held = stay.Start.Date.PlusDays(random.Next(20, 32)); held <= asOf; held = held.PlusDays(random.Next(60, 95)))
        {
            reviews.Add(new SecureReview(held, 3, random.NextDouble() < 0.9 ? 1 : 0));
        }

        return child with { SecureOrders = [new SecureOrder(orderFrom, orderFrom.PlusMonths(3))], SecureReviews = reviews };
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
