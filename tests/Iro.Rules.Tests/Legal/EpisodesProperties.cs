using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Legal;

namespace Iro.Rules.Tests.Legal;

/// <summary>LEG-2: splitting episodes into periods of care and joining them back loses nothing.</summary>
public class EpisodesProperties
{
    public readonly record struct History(Episode[] Episodes);

    public static class Arbs
    {
        public static Arbitrary<History> History() =>
            (from steps in Gen.Choose(0, 60).Three().ArrayOf()
             select Build(steps)).ToArbitrary();

        private static History Build((int Gap, int Length, int Code)[] steps)
        {
            var episodes = new List<Episode>();
            LocalDate d = new(2015, 1, 1);
            foreach (var (gap, length, code) in steps.Take(15))
            {
                bool newPeriod = episodes.Count == 0 || gap % 4 == 0 || code % 5 == 0;
                if (newPeriod && episodes.Count > 0)
                {
                    d = d.PlusDays(gap % 3); // sometimes back to back, sometimes after a gap
                }

                var status = (LegalStatus)(code % 13);
                var reason = newPeriod ? ReasonForNewEpisode.S : (ReasonForNewEpisode)(1 + code % 5);
                episodes.Add(new Episode(d, d.PlusDays(length), status, reason));
                d = d.PlusDays(length);
            }

            if (episodes.Count > 0 && steps.Length % 2 == 0)
            {
                episodes[^1] = episodes[^1] with { End = null };
            }

            return new History(episodes.OrderBy(e => e.GetHashCode()).ToArray());
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 300)]
    public bool SplitThenJoin_LosesNothing(History history)
    {
        var periods = Episodes.SplitIntoPeriods(history.Episodes);
        var joined = periods.SelectMany(p => p.Episodes).ToList();
        return joined.SequenceEqual(history.Episodes.OrderBy(e => e.Start).ThenBy(e => e.End ?? LocalDate.MaxIsoValue))
            && periods.All(p => p.Start == p.Episodes[0].Start && p.End == p.Episodes[^1].End)
            && periods.Zip(periods.Skip(1)).All(pair => pair.First.End <= pair.Second.Start);
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 300)]
    public bool Runs_StayInsideOnePeriod_AndCoverOnlyMatchingEpisodes(History history)
    {
        var periods = Episodes.SplitIntoPeriods(history.Episodes);
        var runs = Episodes.Runs(periods, LegalStatuses.IsCareOrder);
        return runs.All(r => r.Episodes.All(e => LegalStatuses.IsCareOrder(e.LegalStatus))
                             && periods.Count(p => r.Episodes.All(p.Episodes.Contains)) == 1);
    }
}

/// <summary>LOC-1: the allocation-free flag agrees with the explained assessment.</summary>
public class Section20Properties
{
    [Property(Arbitrary = new[] { typeof(EpisodesProperties.Arbs) }, MaxTest = 300)]
    public bool IsFlagged_AgreesWithAssess(EpisodesProperties.History history, byte offset, bool v3Counts)
    {
        var sorted = Episodes.SplitIntoPeriods(history.Episodes).SelectMany(p => p.Episodes).ToList();
        if (sorted.Count == 0)
        {
            return true;
        }

        var policy = v3Counts ? LocalPolicy.Default with { Section20LegalStatuses = new[] { LegalStatus.V2, LegalStatus.V3 } } : LocalPolicy.Default;
        LocalDate asOf = sorted[0].Start.PlusDays(offset * 3);
        return Section20.IsFlagged(sorted, asOf, policy) == Section20.Assess(history.Episodes, asOf, policy).IsFlagged;
    }
}
