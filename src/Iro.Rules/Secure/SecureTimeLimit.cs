using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Secure;

/// <summary>The result of the 72-hour check: the most time without court authority in any 28-day window, when the limit was reached, and by how much it was exceeded.</summary>
/// <remarks>
/// Immutable. Rules SEC-2, SEC-3 and SEC-4; citation: CSAR 1991 reg 10. The limit can be reached on several occasions
/// (once in each stay in which a window's total comes to 72 hours), and SEC-3 is tried on each. <see cref="LimitReachedAt"/>,
/// <see cref="PermittedUntil"/>, <see cref="Extended"/>, <see cref="ExceededBy"/> and <see cref="Extension"/> describe
/// one occasion: the first on which the child was kept beyond what was permitted, or, when the child is within the
/// limit, the first of all. <see cref="Finding"/> says how many occasions there were.
/// </remarks>
public sealed record SecureTimeResult
{
    /// <summary>The most time in secure accommodation without court authority inside any one window (672 hours by default).</summary>
    public required Duration MaxInAnyWindow { get; init; }

    /// <summary>The instant the total within a window reached 72 hours on the occasion described (see the remarks on the type), or <see langword="null"/> if it never did.</summary>
    /// <remarks>When the child is within the limit this is the first time the total reached 72 hours; otherwise the time it reached 72 hours in the stay in which the child was first kept beyond what was permitted (the moment that stay was placed, or an order ended, if the total already stood at 72 hours or more).</remarks>
    public Instant? LimitReachedAt { get; init; }

    /// <summary>Until when the child could lawfully be kept without court authority on the occasion described: <see cref="LimitReachedAt"/>, or the SEC-3 extension.</summary>
    public Instant? PermittedUntil { get; init; }

    /// <summary>Whether the Sunday / public-holiday extension (SEC-3) applied on the occasion described.</summary>
    public required bool Extended { get; init; }

    /// <summary>How long the child was kept beyond what was permitted on the occasion described; zero when within the limit.</summary>
    /// <remarks>The time in that stay after <see cref="PermittedUntil"/> during which the child was kept without court
    /// authority while a window held more than 72 hours. In the simple case (no extension, nothing over 72 hours before,
    /// nothing leaving the window meanwhile) this is how far the total rose above 72 hours; with an extension it is the
    /// time kept after the extended deadline. Breaches on later occasions are not added.</remarks>
    public required Duration ExceededBy { get; init; }

    /// <summary>Whether the child was never kept beyond what was permitted.</summary>
    public bool IsWithinLimit => ExceededBy == Duration.Zero;

    /// <summary>The SEC-2 explanation.</summary>
    public required Finding Finding { get; init; }

    /// <summary>The SEC-3 explanation for the occasion described, when the limit was reached (whether or not the extension applied).</summary>
    public Finding? Extension { get; init; }
}

/// <summary>The maximum time a child may be kept in secure accommodation without a court's authority: 72 hours in any 28 consecutive days.</summary>
/// <remarks>
/// <para>Rules SEC-2, SEC-3 and SEC-4. Citation: Children (Secure Accommodation) Regulations 1991 reg 10. Time under a
/// court's authority is left out. After an authorisation ends, time before it is disregarded only for later placements,
/// those that begin after it ended (reg 10(2)); a child kept on when an order ends is counted with the time before the
/// order (SEC-4). Placements with no gap between them are one stay. Times are instants, and days, midday and midnight
/// are those of Europe/London, so clock changes are handled.</para>
/// <para>Efficient: the total in a window is a piecewise-linear function of time that only rises while the child is
/// placed, so the instant the limit is reached is found by bisection within each placement, not by scanning hour by
/// hour.</para>
/// <para>The limit is reached afresh in every stay in which a window's total comes to 72 hours (at once, if it already
/// stands there when the child is placed or an order ends), and SEC-3 is tried on each such expiry: an extension used
/// on one occasion neither excuses nor is needed for another.</para>
/// <para>SEC-3 (as recalled in the domain reference; the text of reg 10 should be checked): if the 72 hours would expire between
/// 12:00 on the day before and 12:00 on the day after a Sunday or public holiday (Christmas Day, Good Friday or a bank
/// holiday), and the child had been kept in secure accommodation for more than 48 hours in the 27 days before the day
/// of the placement, the limit runs on to 12:00 on the first following day that is not a Sunday or public holiday.</para>
/// </remarks>
public static class SecureTimeLimit
{
    /// <summary>The 72-hour limit.</summary>
    public static Duration Limit { get; } = Duration.FromHours(72);

    private static readonly Duration Window = Duration.FromHours(28 * 24);
    private static readonly Duration ExtensionThreshold = Duration.FromHours(48);

    /// <summary>Checks secure placements without court authority against the 72-hour limit (SEC-2), trying the SEC-3 extension each time it is reached.</summary>
    /// <param name="placements">The placements in secure accommodation, in any order; they may not overlap.</param>
    /// <param name="courtAuthorisations">Periods of a court's authority; time within them is not counted. Null for none.</param>
    /// <param name="policy">The window reading (<see cref="LocalPolicy.SecureWindow"/>) and whether Saturday extends (<see cref="LocalPolicy.SecureExtensionIncludesSaturday"/>); the defaults when null.</param>
    /// <param name="publicHolidays">The bank holidays for SEC-3; England and Wales when null.</param>
    /// <returns>The result with its findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="placements"/> is null.</exception>
    /// <exception cref="ArgumentException">A placement or authorisation ends before it starts, or placements overlap; the message names the field and the value.</exception>
    public static SecureTimeResult Assess(
        IEnumerable<SecureInterval> placements,
        IEnumerable<SecureInterval>? courtAuthorisations = null,
        LocalPolicy? policy = null,
        BankHolidayCalendar? publicHolidays = null)
    {
        Preconditions.CheckNotNull(placements, nameof(placements));
        LocalPolicy p = policy ?? LocalPolicy.Default;
        BankHolidayCalendar holidays = publicHolidays ?? BankHolidayCalendar.EnglandAndWales;
        SecureInterval[] placed = Checked(placements, nameof(placements), allowOverlap: false);
        SecureInterval[] authorised = Merge(Checked(courtAuthorisations ?? Array.Empty<SecureInterval>(), nameof(courtAuthorisations), allowOverlap: true));
        Stay[] stays = Stays(placed, authorised);
        var timeline = new Timeline(stays.SelectMany(static s => s.Unauthorised).ToArray(), p.SecureWindow);

        // SEC-3 is tried afresh every time the limit is reached: once in each stay in which a window's total comes to
        // 72 hours. The result describes the first occasion on which the child was kept beyond what was permitted, or,
        // if there was none, the first occasion of all.
        Duration max = Duration.Zero;
        var occasions = new List<Occasion>();
        foreach (Stay stay in stays)
        {
            Instant? reachedAt = null;
            foreach (SecureInterval segment in stay.Unauthorised.SelectMany(timeline.Segments))
            {
                Duration atEnd = timeline.Total(segment, segment.End, stay.DisregardBefore);
                if (atEnd > max)
                {
                    max = atEnd;
                }

                if (reachedAt is null && atEnd >= Limit)
                {
                    reachedAt = timeline.FirstReaching(segment, stay.DisregardBefore, Limit);
                }
            }

            if (reachedAt is Instant r)
            {
                occasions.Add(OccasionIn(stay, r, placed, timeline, holidays, p.SecureExtensionIncludesSaturday));
            }
        }

        Occasion? described = occasions.FirstOrDefault(static o => o.Exceeded > Duration.Zero) ?? occasions.FirstOrDefault();
        if (described is null)
        {
            return new SecureTimeResult
            {
                MaxInAnyWindow = max,
                Extended = false,
                ExceededBy = Duration.Zero,
                Finding = new Finding(RuleId.SecureTimeLimit, Outcome.Met, Citations.SecureTimeLimit,
                    $"At most {Hours(max)} without court authority in any {WindowWords(p.SecureWindow)}: within the 72-hour limit."),
            };
        }

        Instant limitAt = described.ReachedAt;
        string placementDay = DateFormat.Iso(described.PlacementDay);
        Finding extension = new(RuleId.SecureExtension, described.ExtendedTo is null ? Outcome.NotApplicable : Outcome.Met, Citations.SecureTimeLimit,
            described.ExtendedTo is Instant ext
                ? $"The limit reached at {Local(limitAt)} falls within 12:00 the day before to 12:00 the day after a Sunday or public holiday, and the child had been kept {Hours(described.Before)} in the 27 days before {placementDay}: extended to {Local(ext)}."
                : described.Before > ExtensionThreshold
                    ? $"The limit reached at {Local(limitAt)} is not within 12:00 the day before to 12:00 the day after a Sunday or public holiday: no extension."
                    : $"No extension: the child had been kept {Hours(described.Before)} in the 27 days before {placementDay}, not more than 48 hours.");

        Duration exceeded = described.Exceeded;
        string extendedWords = described.ExtendedTo is null ? string.Empty : $" and extended to {Local(described.PermittedUntil)} (SEC-3)";
        string summary;
        if (exceeded > Duration.Zero)
        {
            summary = $"Up to {Hours(max)} without court authority in one {WindowWords(p.SecureWindow)}; the 72-hour limit was reached at {Local(limitAt)}{extendedWords}; exceeded by {Hours(exceeded)}."
                + (occasions.Count > 1 ? $" The limit was reached on {occasions.Count} occasions; this is the first on which the child was kept beyond what was permitted." : string.Empty);
        }
        else if (occasions.Count == 1)
        {
            summary = $"Up to {Hours(max)} without court authority in one {WindowWords(p.SecureWindow)}; the 72-hour limit was reached at {Local(limitAt)}{extendedWords}; the child was not kept beyond {Local(described.PermittedUntil)}: within the limit.";
        }
        else
        {
            int extendedCount = occasions.Count(static o => o.ExtendedTo is not null);
            summary = $"Up to {Hours(max)} without court authority in one {WindowWords(p.SecureWindow)}; the 72-hour limit was reached on {occasions.Count} occasions, first at {Local(limitAt)}{extendedWords}; the child was never kept beyond what was permitted"
                + (extendedCount == 0 ? string.Empty : $" (extended under SEC-3 on {extendedCount} of them)") + ": within the limit.";
        }

        return new SecureTimeResult
        {
            MaxInAnyWindow = max,
            LimitReachedAt = limitAt,
            PermittedUntil = described.PermittedUntil,
            Extended = described.ExtendedTo is not null,
            ExceededBy = exceeded,
            Extension = extension,
            Finding = new Finding(RuleId.SecureTimeLimit, exceeded == Duration.Zero ? Outcome.Met : Outcome.NotMet, Citations.SecureTimeLimit, summary),
        };
    }

    /// <summary>
    /// One occasion on which the limit was reached, in <paramref name="stay"/> at <paramref name="reached"/>: the SEC-3
    /// test applied to that expiry, and how long the child was then kept beyond what was permitted (time in the stay
    /// after the permitted instant, without court authority, while a window held more than 72 hours).
    /// </summary>
    private static Occasion OccasionIn(Stay stay, Instant reached, SecureInterval[] placed, Timeline timeline, BankHolidayCalendar holidays, bool saturday)
    {
        LocalDate placementDay = stay.Span.Start.InZone(SecureInterval.London).Date;
        Duration before = Overlap(placed, StartOfDay(placementDay.PlusDays(-27)), StartOfDay(placementDay));
        Instant? extendedTo = before > ExtensionThreshold ? ExtendedDeadline(reached, holidays, saturday) : null;
        Instant permitted = extendedTo ?? reached;
        Duration exceeded = Duration.Zero;
        foreach (SecureInterval segment in stay.Unauthorised.SelectMany(timeline.Segments))
        {
            exceeded += timeline.TimeOver(segment, permitted, stay.DisregardBefore, Limit);
        }

        return new Occasion(reached, permitted, extendedTo, before, placementDay, exceeded);
    }

    private static SecureInterval[] Checked(IEnumerable<SecureInterval> intervals, string name, bool allowOverlap)
    {
        SecureInterval[] sorted = intervals.OrderBy(static x => x.Start).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].End < sorted[i].Start)
            {
                throw new ArgumentException($"{name} has one from {Local(sorted[i].Start)} whose end {Local(sorted[i].End)} is before its start (SEC-2).", name);
            }

            if (!allowOverlap && i > 0 && sorted[i].Start < sorted[i - 1].End)
            {
                throw new ArgumentException(
                    $"{name} overlap: one from {Local(sorted[i - 1].Start)} to {Local(sorted[i - 1].End)} and one from {Local(sorted[i].Start)} (SEC-2).", name);
            }
        }

        return sorted;
    }

    private static SecureInterval[] Merge(SecureInterval[] sorted)
    {
        var merged = new List<SecureInterval>();
        foreach (SecureInterval x in sorted)
        {
            if (merged.Count > 0 && x.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = x.End > merged[^1].End ? x.End : merged[^1].End };
            }
            else
            {
                merged.Add(x);
            }
        }

        return merged.ToArray();
    }

    /// <summary>
    /// The stays: placements with no gap between them joined into one, since a child moved from one unit to another is
    /// not placed anew (SEC-2). Each stay disregards time before the latest authorisation that had expired when it began
    /// (CSAR 1991 reg 10(2)); an authorisation that ends during a stay disregards nothing for it, so time kept after an
    /// order ends counts with the time before the order (SEC-4).
    /// </summary>
    private static Stay[] Stays(SecureInterval[] placed, SecureInterval[] authorised)
    {
        var spans = new List<SecureInterval>();
        foreach (SecureInterval x in placed)
        {
            if (spans.Count > 0 && x.Start == spans[^1].End)
            {
                spans[^1] = spans[^1] with { End = x.End };
            }
            else
            {
                spans.Add(x);
            }
        }

        var stays = new Stay[spans.Count];
        for (int i = 0; i < stays.Length; i++)
        {
            SecureInterval span = spans[i];
            Instant disregard = Instant.MinValue;
            foreach (SecureInterval a in authorised)
            {
                if (a.End <= span.Start && a.Start > disregard)
                {
                    disregard = a.Start;
                }
            }

            stays[i] = new Stay(span, disregard, Subtract(span, authorised));
        }

        return stays;
    }

    private static SecureInterval[] Subtract(SecureInterval placement, SecureInterval[] authorised)
    {
        var result = new List<SecureInterval>();
        Instant from = placement.Start;
        foreach (SecureInterval a in authorised)
        {
            if (a.End <= from || a.Start >= placement.End)
            {
                continue;
            }

            if (a.Start > from)
            {
                result.Add(new SecureInterval(from, a.Start));
            }

            from = a.End > from ? a.End : from;
        }

        if (from < placement.End)
        {
            result.Add(new SecureInterval(from, placement.End));
        }

        return result.ToArray();
    }

    private static Duration Overlap(IEnumerable<SecureInterval> intervals, Instant from, Instant to)
    {
        Duration total = Duration.Zero;
        foreach (SecureInterval x in intervals)
        {
            Instant s = x.Start > from ? x.Start : from;
            Instant e = x.End < to ? x.End : to;
            if (e > s)
            {
                total += e - s;
            }
        }

        return total;
    }

    /// <summary>SEC-3: 12:00 on the first day after the Sunday or public holiday whose window contains <paramref name="reached"/> that is not itself one; null if no window contains it.</summary>
    private static Instant? ExtendedDeadline(Instant reached, BankHolidayCalendar holidays, bool saturday)
    {
        LocalDate day = reached.InZone(SecureInterval.London).Date;
        for (LocalDate x = day.PlusDays(-1); x <= day.PlusDays(1); x = x.PlusDays(1))
        {
            if (!IsExtensionDay(x, holidays, saturday))
            {
                continue;
            }

            Instant opens = Midday(x.PlusDays(-1));
            Instant closes = Midday(x.PlusDays(1));
            if (reached >= opens && reached < closes)
            {
                LocalDate next = x.PlusDays(1);
                while (IsExtensionDay(next, holidays, saturday))
                {
                    next = next.PlusDays(1);
                }

                return Midday(next);
            }
        }

        return null;
    }

    private static bool IsExtensionDay(LocalDate date, BankHolidayCalendar holidays, bool saturday) =>
        date.DayOfWeek == IsoDayOfWeek.Sunday
        || (saturday && date.DayOfWeek == IsoDayOfWeek.Saturday)
        || (date.Year is >= BankHolidayCalendar.MinYear and <= BankHolidayCalendar.MaxYear && holidays.IsBankHoliday(date))
        || (date.Month == 12 && date.Day == 25)
        || (date.Month == 12 && date.Day == 26 && date.DayOfWeek != IsoDayOfWeek.Sunday); // BFDA 1971 Sch 1: 26 December unless a Sunday

    private static Instant Midday(LocalDate date) => date.At(new LocalTime(12, 0)).InZoneLeniently(SecureInterval.London).ToInstant();

    private static Instant StartOfDay(LocalDate date) => SecureInterval.London.AtStartOfDay(date).ToInstant();

    private static string Local(Instant instant) =>
        instant.InZone(SecureInterval.London).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Hours(Duration d)
    {
        double hours = d.TotalHours;
        string text = Math.Abs(hours - Math.Round(hours)) < 1e-9
            ? ((long)Math.Round(hours)).ToString(CultureInfo.InvariantCulture)
            : hours.ToString("0.##", CultureInfo.InvariantCulture);
        return text + (text == "1" ? " hour" : " hours");
    }

    private static string WindowWords(SecureWindow window) =>
        window == SecureWindow.Rolling672Hours ? "28-day (672-hour) window" : "period of 28 calendar days";

    /// <summary>A continuous stay in secure accommodation, the instant before which earlier time is disregarded for it (<see cref="Instant.MinValue"/> for none), and its stretches without court authority.</summary>
    private readonly record struct Stay(SecureInterval Span, Instant DisregardBefore, SecureInterval[] Unauthorised);

    /// <summary>An occasion on which the limit was reached: when, until when the child could be kept (with the SEC-3 deadline if extended), the hours in the 27 days before the placement day, and the time kept beyond what was permitted.</summary>
    private sealed record Occasion(Instant ReachedAt, Instant PermittedUntil, Instant? ExtendedTo, Duration Before, LocalDate PlacementDay, Duration Exceeded);

    /// <summary>The total of unauthorised time in the window ending at an instant, and the segments over which it only rises.</summary>
    private sealed class Timeline(SecureInterval[] unauthorised, SecureWindow window)
    {
        /// <summary>An unauthorised interval, split at London midnights for the calendar-day reading (where the window start jumps).</summary>
        internal IEnumerable<SecureInterval> Segments(SecureInterval u)
        {
            if (window == SecureWindow.Rolling672Hours)
            {
                yield return u;
                yield break;
            }

            Instant from = u.Start;
            while (from < u.End)
            {
                Instant midnight = StartOfDay(from.InZone(SecureInterval.London).Date.PlusDays(1));
                Instant to = midnight < u.End ? midnight : u.End;
                yield return new SecureInterval(from, to);
                from = to;
            }
        }

        /// <summary>
        /// The unauthorised time in the window that ends at <paramref name="t"/>, an instant in <paramref name="segment"/>
        /// or its end, leaving out time before <paramref name="disregardBefore"/> (SEC-2). For the calendar-day reading the
        /// window is that of the segment's day even at its end, midnight: the 28 days ending then hold all of that day.
        /// </summary>
        internal Duration Total(SecureInterval segment, Instant t, Instant disregardBefore)
        {
            Instant start = window == SecureWindow.Rolling672Hours
                ? t - Window
                : StartOfDay(segment.Start.InZone(SecureInterval.London).Date.PlusDays(-27));
            return Overlap(unauthorised, disregardBefore > start ? disregardBefore : start, t);
        }

        /// <summary>The first instant in the segment at which the total reaches <paramref name="limit"/> (the total only rises within a segment).</summary>
        internal Instant FirstReaching(SecureInterval segment, Instant disregardBefore, Duration limit)
        {
            long lo = 0;
            long hi = (segment.End - segment.Start).ToInt64Nanoseconds();
            if (Total(segment, segment.Start, disregardBefore) >= limit)
            {
                return segment.Start;
            }

            while (hi - lo > 1)
            {
                long mid = lo + ((hi - lo) / 2);
                if (Total(segment, segment.Start.PlusNanoseconds(mid), disregardBefore) >= limit)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return segment.Start.PlusNanoseconds(hi);
        }

        /// <summary>
        /// How long, within the segment and from <paramref name="from"/> on, the total exceeded <paramref name="limit"/>.
        /// The total only rises within a segment, by at most one nanosecond a nanosecond, so that time is the end of the
        /// segment less the last instant at which the total was still at most the limit.
        /// </summary>
        internal Duration TimeOver(SecureInterval segment, Instant from, Instant disregardBefore, Duration limit)
        {
            Instant start = segment.Start > from ? segment.Start : from;
            if (start >= segment.End || Total(segment, segment.End, disregardBefore) <= limit)
            {
                return Duration.Zero;
            }

            if (Total(segment, start, disregardBefore) > limit)
            {
                return segment.End - start;
            }

            Instant firstOver = FirstReaching(new SecureInterval(start, segment.End), disregardBefore, limit + Duration.Epsilon);
            return segment.End - firstOver + Duration.Epsilon;
        }
    }
}
