using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Calendars;
using Iro.Rules.Secure;

namespace Iro.Rules.Tests.Secure;

/// <summary>SEC-2, SEC-3 and SEC-4: the 72-hour check agrees with a brute-force minute-by-minute count on random small placement sets.</summary>
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
    public bool LimitReachedAndMaximum_AgreeWithMinuteByMinuteReference(Scenario scenario) =>
        Agrees(scenario, SecureWindow.Rolling672Hours);

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 150)]
    public bool CalendarDays_AgreeWithMinuteByMinuteReference(Scenario scenario) =>
        Agrees(scenario, SecureWindow.CalendarDays);

    private static bool Agrees(Scenario scenario, SecureWindow window)
    {
        SecureInterval ToInterval((int Start, int End) x) => new(At(x.Start), At(x.End));
        var result = SecureTimeLimit.Assess(
            scenario.Placements.Select(ToInterval), scenario.Authorisations.Select(ToInterval), LocalPolicy.Default with { SecureWindow = window });
        Expected expected = Reference(scenario, window);
        return result.MaxInAnyWindow == Duration.FromMinutes(expected.Max)
            && result.LimitReachedAt == (expected.Reached is int r ? At(r) : null)
            && result.PermittedUntil == (expected.PermittedUntil is int p ? At(p) : null)
            && result.Extended == expected.Extended
            && result.ExceededBy == Duration.FromMinutes(expected.Exceeded)
            && result.IsWithinLimit == (expected.Exceeded == 0);
    }

    private static Instant At(int minute) => Base.Plus(Duration.FromMinutes(minute));

    private static int MinuteOf(Instant instant) => checked((int)(instant - Base).TotalMinutes);

    private readonly record struct Expected(int Max, int? Reached, int? PermittedUntil, bool Extended, int Exceeded);

    /// <summary>
    /// The reference, minute by minute, written from RULES.md SEC-2, SEC-3 and SEC-4 without the library's intervals:
    /// <list type="bullet">
    /// <item>Placements with no gap between them are one stay. A minute counts if the child is placed and no
    /// authorisation covers it.</item>
    /// <item>The total for a minute of a stay: counted minutes from the window's start (672 hours back, or midnight 27
    /// days before the minute's London day) to the minute's end, leaving out minutes before the start of the latest
    /// authorisation that had ended by the time the stay began (time before an authorisation is disregarded only for
    /// placements that begin after it expired; a child kept on when an order ends is counted with the time before it).</item>
    /// <item>In each stay, the limit is reached at the first counted minute's start or end at which the total is 72
    /// hours. SEC-3 is tried on that expiry: with more than 48 hours placed in the 27 days before the stay's first day,
    /// and the expiry between 12:00 the day before and 12:00 the day after a Sunday or public holiday, it runs to 12:00
    /// on the first day from then on that is neither.</item>
    /// <item>Exceeded: the counted minutes of that stay from the permitted instant on whose total is over 72 hours.</item>
    /// <item>The answer describes the first stay exceeded, or else the first in which the limit was reached.</item>
    /// </list>
    /// </summary>
    private static Expected Reference(Scenario scenario, SecureWindow window)
    {
        int horizon = scenario.Placements.Length == 0 ? 0 : scenario.Placements.Max(p => p.End);
        bool Placed(int m) => scenario.Placements.Any(p => p.Start <= m && m < p.End);
        var counted = new int[horizon];
        for (int m = 0; m < horizon; m++)
        {
            counted[m] = Placed(m) && !scenario.Authorisations.Any(a => a.Start <= m && m < a.End) ? 1 : 0;
        }

        var prefix = new int[horizon + 1];
        for (int m = 0; m < horizon; m++)
        {
            prefix[m + 1] = prefix[m] + counted[m];
        }

        var stays = new List<(int Start, int End)>();
        foreach (var (start, end) in scenario.Placements.OrderBy(p => p.Start))
        {
            if (stays.Count > 0 && stays[^1].End == start)
            {
                stays[^1] = (stays[^1].Start, end);
            }
            else
            {
                stays.Add((start, end));
            }
        }

        int max = 0;
        var occasions = new List<(int Reached, int Permitted, bool Extended, int Exceeded)>();
        foreach (var (stayStart, stayEnd) in stays)
        {
            int disregard = scenario.Authorisations.Where(a => a.End <= stayStart).Select(a => a.Start).DefaultIfEmpty(int.MinValue).Max();

            // The total in the window that ends at minute boundary k, for a window fixed by minute m's day.
            int Total(int k, int m)
            {
                int from = window == SecureWindow.Rolling672Hours
                    ? k - WindowMinutes
                    : MinuteOf(SecureInterval.London.AtStartOfDay(At(m).InZone(SecureInterval.London).Date.PlusDays(-27)).ToInstant());
                from = Math.Max(0, Math.Max(from, disregard));
                return from >= k ? 0 : prefix[k] - prefix[from];
            }

            int? reached = null;
            for (int m = stayStart; m < stayEnd; m++)
            {
                if (counted[m] == 1)
                {
                    max = Math.Max(max, Total(m + 1, m));
                    reached ??= Total(m, m) >= LimitMinutes ? m : Total(m + 1, m) >= LimitMinutes ? m + 1 : null;
                }
            }

            if (reached is not int r)
            {
                continue;
            }

            LocalDate placedOn = At(stayStart).InZone(SecureInterval.London).Date;
            int from27 = MinuteOf(SecureInterval.London.AtStartOfDay(placedOn.PlusDays(-27)).ToInstant());
            int to27 = MinuteOf(SecureInterval.London.AtStartOfDay(placedOn).ToInstant());
            int before = Enumerable.Range(Math.Max(0, from27), Math.Max(0, Math.Min(to27, horizon) - Math.Max(0, from27))).Count(Placed);
            int? deadline = before > 48 * 60 ? ExtendedTo(At(r)) is Instant e ? MinuteOf(e) : null : null;
            int permitted = deadline ?? r;
            int exceeded = 0;
            for (int m = Math.Max(permitted, stayStart); m < stayEnd; m++)
            {
                if (counted[m] == 1 && Total(m + 1, m) > LimitMinutes)
                {
                    exceeded++;
                }
            }

            occasions.Add((r, permitted, deadline is not null, exceeded));
        }

        if (occasions.Count == 0)
        {
            return new Expected(max, null, null, false, 0);
        }

        var described = occasions.FirstOrDefault(o => o.Exceeded > 0, occasions[0]);
        return new Expected(max, described.Reached, described.Permitted, described.Extended, described.Exceeded);
    }

    /// <summary>SEC-3: the first day whose 12:00 is still ahead is "first"; the expiry is in a window if that day or the one before is a Sunday or public holiday, and the limit then runs to 12:00 on the first day from "first" on that is neither.</summary>
    private static Instant? ExtendedTo(Instant expiry)
    {
        static bool Closed(LocalDate d) =>
            d.DayOfWeek == IsoDayOfWeek.Sunday || BankHolidayCalendar.EnglandAndWales.IsBankHoliday(d) || (d.Month == 12 && d.Day == 25);

        LocalDateTime local = expiry.InZone(SecureInterval.London).LocalDateTime;
        LocalDate first = local.TimeOfDay < new LocalTime(12, 0) ? local.Date : local.Date.PlusDays(1);
        if (!Closed(first.PlusDays(-1)) && !Closed(first))
        {
            return null;
        }

        LocalDate day = first;
        while (Closed(day))
        {
            day = day.PlusDays(1);
        }

        return day.At(new LocalTime(12, 0)).InZoneLeniently(SecureInterval.London).ToInstant();
    }
}
