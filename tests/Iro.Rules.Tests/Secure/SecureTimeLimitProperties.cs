using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Secure;

namespace Iro.Rules.Tests.Secure;

/// <summary>SEC-2: the 72-hour check agrees with a brute-force minute-by-minute count on random small placement sets.</summary>
public class SecureTimeLimitProperties
{
    private static readonly Instant Base = Instant.FromUtc(2025, 1, 6, 0, 0);
    private const int WindowMinutes = 672 * 60;
    private const int LimitMinutes = 72 * 60;

    /// <summary>Placements and court authorisations as minute offsets from <see cref="Base"/>: [start, end).</summary>
    public readonly record struct Scenario((int Start, int End)[] Placements, (int Start, int End)[] Authorisations);

    public static class Arbs
    {
        public static Arbitrary<Scenario> Scenario() =>
            (from placements in Gen.Choose(0, 3 * 24 * 60).Two().ArrayOf()
             from authorisations in Gen.Choose(0, 6 * 24 * 60).Two().ArrayOf()
             select Build(placements, authorisations)).ToArbitrary();

        private static Scenario Build((int Gap, int Length)[] p, (int Gap, int Length)[] a)
        {
            var placements = new List<(int, int)>();
            int t = 0;
            foreach (var (gap, length) in p.Take(5))
            {
                t += gap * 3; // gaps up to about 9 days
                placements.Add((t, t + length));
                t += length;
            }

            var authorisations = new List<(int, int)>();
            int u = 0;
            foreach (var (gap, length) in a.Take(2))
            {
                u += gap * 2;
                authorisations.Add((u, u + length / 2));
                u += length / 2;
            }

            return new Scenario(placements.ToArray(), authorisations.ToArray());
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 150)]
    public bool LimitReachedAndMaximum_AgreeWithMinuteByMinuteReference(Scenario scenario)
    {
        SecureInterval ToInterval((int Start, int End) x) => new(Base.Plus(Duration.FromMinutes(x.Start)), Base.Plus(Duration.FromMinutes(x.End)));
        var result = SecureTimeLimit.Assess(scenario.Placements.Select(ToInterval), scenario.Authorisations.Select(ToInterval));

        // Reference: one flag per minute, then for every minute boundary k the count of unauthorised placed minutes in
        // [max(k - 672h, latest authorisation start whose authorisation ended by the time the current stay began), k).
        // RULES.md SEC-2: time before an authorisation is disregarded only for placements that begin after it expired;
        // a child kept on when an order ends is counted with the time before the order (SEC-4). Placements with no gap
        // between them are one stay; the current stay at k is the last one begun by k.
        int horizon = scenario.Placements.Length == 0 ? 0 : scenario.Placements.Max(p => p.End);
        var counted = new int[horizon + 1];
        foreach (var (start, end) in scenario.Placements)
        {
            for (int m = start; m < end; m++)
            {
                counted[m] = scenario.Authorisations.Any(a => a.Start <= m && m < a.End) ? 0 : 1;
            }
        }

        var prefix = new int[horizon + 2];
        for (int m = 0; m <= horizon; m++)
        {
            prefix[m + 1] = prefix[m] + counted[m];
        }

        var stayStarts = new List<int>();
        for (int i = 0; i < scenario.Placements.Length; i++)
        {
            if (i == 0 || scenario.Placements[i].Start != scenario.Placements[i - 1].End)
            {
                stayStarts.Add(scenario.Placements[i].Start);
            }
        }

        int max = 0;
        int? reached = null;
        for (int k = 0; k <= horizon; k++)
        {
            int from = Math.Max(0, k - WindowMinutes);
            int stayStart = stayStarts.LastOrDefault(s => s <= k, int.MinValue);
            foreach (var (aStart, aEnd) in scenario.Authorisations)
            {
                if (aEnd <= stayStart && aStart > from)
                {
                    from = aStart;
                }
            }

            int total = prefix[k] - prefix[from];
            max = Math.Max(max, total);
            if (reached is null && total >= LimitMinutes)
            {
                reached = k;
            }
        }

        return result.MaxInAnyWindow == Duration.FromMinutes(max)
            && result.LimitReachedAt == (reached is int r ? Base.Plus(Duration.FromMinutes(r)) : null);
    }
}
