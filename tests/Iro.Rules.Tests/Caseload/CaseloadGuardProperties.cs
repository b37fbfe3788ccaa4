using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Calendars;
using Iro.Rules.Caseload;
using Iro.Rules.Escalation;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Permanence;
using Iro.Rules.Secure;
using Iro.Rules.Tests.Reference;
using Iro.Rules.Timescales;

namespace Iro.Rules.Tests.Caseload;

/// <summary>
/// The guard (issue G, docs/weekly-list.md): the weekly flag list equals what the public per-rule APIs say, rule by
/// rule (same rule id, status, date, reason and citation), on random multi-period histories crossed with policy
/// variants and calendars; and a child is not evaluated exactly when the validator (with the evaluator's policy)
/// rejects it or a rule cannot be evaluated. The oracle is <see cref="WeeklyListReference"/>.
/// </summary>
public class CaseloadGuardProperties
{
    /// <summary>One generated case: a few children, the date of the list, and the evaluator's settings.</summary>
    /// <param name="Children">The children (ids K0, K1, ... unless a record was corrupted).</param>
    /// <param name="AsOf">The date of the list.</param>
    /// <param name="PolicyIndex">An index into <see cref="GuardSettings.Policies"/>.</param>
    /// <param name="CalendarIndex">An index into <see cref="GuardSettings.Calendars"/>.</param>
    /// <param name="DueSoonDays">The evaluator's look-ahead.</param>
    public sealed record GuardCase(ChildCase[] Children, LocalDate AsOf, int PolicyIndex, int CalendarIndex, int DueSoonDays)
    {
        public LocalPolicy Policy => GuardSettings.Policies[PolicyIndex].Policy;

        public WorkingDayCalendar Calendar => GuardSettings.Calendars[CalendarIndex].Calendar;

        public CaseloadEvaluator Evaluator() => new(Policy, Calendar, DueSoonDays);

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"asOf {GuardDescribe.Date(AsOf)}, policy {GuardSettings.Policies[PolicyIndex].Name}, calendar {GuardSettings.Calendars[CalendarIndex].Name}, dueSoonDays {DueSoonDays}, {Children.Length} child(ren):");
            foreach (ChildCase child in Children)
            {
                text.AppendLine().Append(GuardDescribe.Child(child));
            }

            return text.ToString();
        }
    }

    public static class Arbs
    {
        public static Arbitrary<GuardCase> Cases() =>
            Arb.From(
                from seed in Gen.Choose(0, int.MaxValue)
                from count in Gen.Choose(1, 6)
                select GuardGenerator.Case(seed, count),
                GuardShrinker.Shrink);
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 3000)]
    public void EvaluateChild_EqualsThePublicRules(GuardCase c)
    {
        CaseloadEvaluator evaluator = c.Evaluator();
        var problems = new StringBuilder();
        foreach (ChildCase child in c.Children)
        {
            ExpectedList expected = WeeklyListReference.Expected(child, c.AsOf, c.Policy, c.Calendar, c.DueSoonDays);
            GuardCompare.Child(child, expected, evaluator.EvaluateChild(child, c.AsOf), problems);
        }

        if (problems.Length > 0)
        {
            Assert.Fail(problems.ToString());
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 600)]
    public void BulkEvaluate_EqualsThePublicRules(GuardCase c)
    {
        CaseloadEvaluator evaluator = c.Evaluator();
        var expected = c.Children.Select(child => WeeklyListReference.Expected(child, c.AsOf, c.Policy, c.Calendar, c.DueSoonDays)).ToArray();
        var problems = new StringBuilder();

        // The screen path: one evaluation per child, in input order, sequential and on two threads.
        foreach (int threads in new[] { 1, 2 })
        {
            ChildEvaluation[] results = evaluator.Evaluate(c.Children, c.AsOf, threads).ToArray();
            if (results.Length != c.Children.Length)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"Evaluate (threads {threads}): {results.Length} evaluations for {c.Children.Length} children.");
                continue;
            }

            for (int i = 0; i < results.Length; i++)
            {
                GuardCompare.Child(c.Children[i], expected[i], results[i], problems, $"Evaluate (threads {threads}) ");
            }
        }

        // The bulk path: a sink receives every flag and every child not evaluated.
        foreach (int threads in new[] { 1, 2 })
        {
            var sink = new CollectingSink();
            CaseloadTotals totals = evaluator.Evaluate(c.Children, c.AsOf, sink, threads);
            int notEvaluated = expected.Count(e => !e.Evaluated);
            if (totals.Read != c.Children.Length || totals.NotEvaluated != notEvaluated || totals.Evaluated != c.Children.Length - notEvaluated
                || totals.Flags != sink.Flags.Count || sink.Flags.Count != expected.Sum(e => e.Flags.Count))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"sink (threads {threads}): totals {totals}, {sink.Flags.Count} flags written; expected {c.Children.Length} read, {notEvaluated} not evaluated, {expected.Sum(e => e.Flags.Count)} flags.");
            }

            for (int i = 0; i < c.Children.Length; i++)
            {
                ChildCase child = c.Children[i];
                if (c.Children.Count(x => x.Id == child.Id) > 1)
                {
                    continue; // a shared id (blank ones, which the validator rejects) cannot be told apart in the sink; the totals above cover them
                }

                CaseloadFlag[] written = sink.Flags.Where(f => f.ChildId == child.Id).ToArray();
                ChildEvaluation[] reported = sink.NotEvaluated.Where(e => e.ChildId == child.Id).ToArray();
                var asEvaluation = reported.Length > 0
                    ? reported[0]
                    : new ChildEvaluation(child.Id, written, Array.Empty<Rejection>());
                if (reported.Length > 1 || (reported.Length == 1 && written.Length > 0))
                {
                    problems.AppendLine(CultureInfo.InvariantCulture, $"sink (threads {threads}), child {child.Id}: reported not evaluated {reported.Length} time(s) with {written.Length} flag(s) written.");
                }

                GuardCompare.Child(child, expected[i], asEvaluation, problems, $"sink (threads {threads}) ");
            }
        }

        if (problems.Length > 0)
        {
            Assert.Fail(problems.ToString());
        }
    }

    private sealed class CollectingSink : ICaseloadSink
    {
        private readonly object gate = new();

        public List<CaseloadFlag> Flags { get; } = new();

        public List<ChildEvaluation> NotEvaluated { get; } = new();

        public void Flag(CaseloadFlag flag)
        {
            lock (gate)
            {
                Flags.Add(flag);
            }
        }

        void ICaseloadSink.NotEvaluated(ChildEvaluation child)
        {
            lock (gate)
            {
                NotEvaluated.Add(child);
            }
        }
    }
}

/// <summary>Compares one child's evaluation with the reference and writes every difference.</summary>
public static class GuardCompare
{
    public static void Child(ChildCase child, ExpectedList expected, ChildEvaluation actual, StringBuilder problems, string path = "")
    {
        var lines = new List<string>();
        if (actual.ChildId != child.Id)
        {
            lines.Add($"child id {actual.ChildId}, expected {child.Id}");
        }

        string[] actualCodes = actual.Rejections.Select(r => r.Code).Order(StringComparer.Ordinal).ToArray();
        if (expected.Evaluated != actual.Evaluated || !expected.RejectionCodes.SequenceEqual(actualCodes))
        {
            lines.Add($"evaluated {actual.Evaluated} [{string.Join(", ", actualCodes)}], expected {expected.Evaluated} [{string.Join(", ", expected.RejectionCodes)}]");
        }

        foreach (CaseloadFlag f in actual.Flags)
        {
            if (f.ChildId != child.Id || f.Reason != f.Finding.Summary || f.Rule != f.Finding.Rule || f.Citation != f.Finding.Citation)
            {
                lines.Add($"flag {f.Rule} {f.Date}: child id, rule, reason or citation differ from its own finding ({f.Finding.Rule}: {f.Finding.Summary})");
            }
        }

        string[] want = expected.Flags.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToArray();
        string[] got = actual.Flags.Select(f => new ExpectedFlag(f.Rule, f.Status, f.Date, f.Reason, f.Citation).ToString()).Order(StringComparer.Ordinal).ToArray();
        if (!want.SequenceEqual(got))
        {
            var missing = want.ToList();
            var extra = new List<string>();
            foreach (string g in got)
            {
                if (!missing.Remove(g))
                {
                    extra.Add(g);
                }
            }

            lines.AddRange(missing.Select(m => "  missing:    " + m));
            lines.AddRange(extra.Select(x => "  unexpected: " + x));
        }

        if (lines.Count > 0)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{path}child {child.Id}:");
            foreach (string line in lines)
            {
                problems.AppendLine(line);
            }
        }
    }
}

/// <summary>The policy variants and calendars the guard crosses the histories with.</summary>
public static class GuardSettings
{
    private static readonly DisputeResolutionProtocol ThreeStages = new(
        [
            new DrpStage(1, "Alert: IRO to Team Manager", IsFormal: false, LimitWorkingDays: 5),
            new DrpStage(2, "Formal: Service Manager", IsFormal: true, LimitWorkingDays: 10),
            new DrpStage(3, "Formal: Director", IsFormal: true),
        ],
        overallLimitWorkingDays: 15,
        clockStart: DrpClockStart.FirstFormalStage);

    public static IReadOnlyList<(string Name, LocalPolicy Policy)> Policies { get; } =
    [
        ("default", LocalPolicy.Default),
        ("ResetScheduleOnEveryReview=false", LocalPolicy.Default with { ResetScheduleOnEveryReview = false }),
        ("WorkingDayCounting=IncludeStartDay", LocalPolicy.Default with { WorkingDayCounting = WorkingDayCounting.IncludeStartDay }),
        ("Section20LegalStatuses={V2,V3,V4}", LocalPolicy.Default with { Section20LegalStatuses = [LegalStatus.V2, LegalStatus.V3, LegalStatus.V4] }),
        ("TreatV3V4AsShortBreaks=false", LocalPolicy.Default with { TreatV3V4AsShortBreaks = false }),
        ("WaitStart=PlacementOrder", LocalPolicy.Default with { WaitStart = AdoptionWaitStart.PlacementOrder }),
        ("AdoptionFlagsEnabled=false", LocalPolicy.Default with { AdoptionFlagsEnabled = false }),
        ("three-stage DRP from the first formal stage, visits 28 days not same day, records 3/10 WD, secure calendar-day window with Saturday, SSDA903 birthday tolerance",
            LocalPolicy.Default with
            {
                DisputeResolution = ThreeStages,
                IroVisitWindowDays = 28,
                CountSameDayVisit = false,
                RecommendationsDueWorkingDays = 3,
                MinutesDueWorkingDays = 10,
                SecureWindow = SecureWindow.CalendarDays,
                SecureExtensionIncludesSaturday = true,
                Ssda903BirthdayTolerance = true,
            }),
        ("legacy mix: no reset, IncludeStartDay, s20 {V2,V3,V4} over 2 months, no short breaks, wait from the order, 29 Feb -> 28 Feb, night after 16, LOC thresholds 6/6 months and 8 weeks, plan from 16",
            LocalPolicy.Default with
            {
                ResetScheduleOnEveryReview = false,
                WorkingDayCounting = WorkingDayCounting.IncludeStartDay,
                Section20LegalStatuses = [LegalStatus.V2, LegalStatus.V3, LegalStatus.V4],
                Section20FlagMonths = 2,
                TreatV3V4AsShortBreaks = false,
                WaitStart = AdoptionWaitStart.PlacementOrder,
                LeapDayBirthday = LeapDayBirthday.February28,
                RequireNightAfterSixteenthBirthday = true,
                PlacementOrderFlagMonths = 6,
                AdoptionWaitFlagMonths = 6,
                PlacedForAdoptionFlagWeeks = 8,
                PathwayPlanMonthsAfter16 = 0,
            }),
    ];

    public static IReadOnlyList<(string Name, WorkingDayCalendar Calendar)> Calendars { get; } =
    [
        ("England and Wales", WorkingDayCalendar.EnglandAndWales),
        ("Scotland", WorkingDayCalendar.Scotland),
        ("any UK part", WorkingDayCalendar.AnyUkPart),
        ("England and Wales + closure days (24 and 31 December, 2 and 3 January, the first Monday in August)", WorkingDayCalendar.EnglandAndWales.WithClosureDays(
            Enumerable.Range(1971, 130).SelectMany(y => new[] { new LocalDate(y, 12, 24), new LocalDate(y, 12, 31), new LocalDate(y, 1, 2), new LocalDate(y, 1, 3), FirstMonday(y, 8) }))),
    ];

    private static LocalDate FirstMonday(int year, int month)
    {
        var d = new LocalDate(year, month, 1);
        while (d.DayOfWeek != IsoDayOfWeek.Monday)
        {
            d = d.PlusDays(1);
        }

        return d;
    }
}

/// <summary>Random multi-period children's histories, from a seed (so FsCheck can replay them), placed around the as-of date.</summary>
public static class GuardGenerator
{
    private static readonly LocalDate First = new(1971, 1, 1);
    private static readonly LocalDate Last = new(2100, 12, 31);
    private static readonly string[] OtherPlacements = ["U1", "U2", "U3", "U4", "U5", "U6", "K2", "R1", "P1", "H5", "Z1"];
    private static readonly string[] AdoptionPlacements = ["A3", "A4", "A5", "A6"];

    public static CaseloadGuardProperties.GuardCase Case(int seed, int count)
    {
        var r = new Random(seed);
        LocalDate asOf = AsOf(r);
        int policy = r.Next(10) < 3 ? 0 : r.Next(1, GuardSettings.Policies.Count);
        int calendar = r.Next(10) < 5 ? 0 : r.Next(1, GuardSettings.Calendars.Count);
        int dueSoon = new[] { 14, 14, 14, 0, 7, 30 }[r.Next(6)];
        int stages = GuardSettings.Policies[policy].Policy.DisputeResolution.Stages.Count;
        var children = Enumerable.Range(0, count).Select(i => Child(r, asOf, "K" + i.ToString(CultureInfo.InvariantCulture), stages)).ToArray();
        return new CaseloadGuardProperties.GuardCase(children, asOf, policy, calendar, dueSoon);
    }

    private static LocalDate AsOf(Random r)
    {
        int era = r.Next(100);
        return era switch
        {
            < 66 => new LocalDate(2012, 1, 1).PlusDays(r.Next(16 * 365)),           // today's caseloads
            < 80 => new LocalDate(2004, 1, 1).PlusDays(r.Next(9 * 365)),            // periods before and after 1 April 2011 (RCCR 1991)
            < 88 => new LocalDate(1991, 9, 1).PlusDays(r.Next(700)),                // around 14 October 1991
            < 94 => Last.PlusDays(-r.Next(90)),                                     // near the end of the supported range
            _ => new LocalDate(1976, 1, 1).PlusDays(r.Next(124 * 365)),             // anywhere
        };
    }

    /// <summary>A day count that is often near a threshold the rules use (17 days, 20 working days, 6 weeks, 10 weeks, 3, 6, 9, 12 months).</summary>
    private static int Span(Random r)
    {
        int pick = r.Next(10);
        if (pick < 3)
        {
            return r.Next(0, 11);
        }

        if (pick < 7)
        {
            int[] edges = [17, 28, 29, 42, 56, 70, 61, 91, 92, 183, 274, 365, 366];
            return Math.Max(0, edges[r.Next(edges.Length)] + r.Next(-3, 4));
        }

        return r.Next(0, 1500);
    }

    private sealed class Timeline
    {
        public List<(int Start, int? End, LegalStatus Status, ReasonForNewEpisode Rne, string? Place)> Episodes { get; } = new();

        public int Cursor { get; set; }

        private bool newPeriod = true;

        public void NewPeriod(int gap, bool withS)
        {
            Cursor += gap;
            newPeriod = true;
            if (!withS && gap > 0)
            {
                newPeriod = false; // a period begun by a gap alone (an extract without the S episode)
            }
        }

        public void Add(LegalStatus status, int days, string? place = null, ReasonForNewEpisode rne = ReasonForNewEpisode.P)
        {
            int length = Math.Max(1, days);
            Episodes.Add((Cursor, Cursor + length, status, newPeriod ? ReasonForNewEpisode.S : (Episodes.Count == 0 ? ReasonForNewEpisode.S : rne), place));
            newPeriod = false;
            Cursor += length;
        }
    }

    private static string? Placement(Random r) => r.Next(8) == 0 ? null : OtherPlacements[r.Next(OtherPlacements.Length)];

    private static string AdoptionPlacement(Random r) => AdoptionPlacements[r.Next(AdoptionPlacements.Length)];

    /// <summary>One period of care's episodes from a template.</summary>
    private static void Period(Random r, Timeline t, int template)
    {
        switch (template)
        {
            case 0: // care order, with placement moves
                t.Add(LegalStatus.C1, Span(r), Placement(r));
                t.Add(LegalStatus.C2, Span(r), Placement(r), ReasonForNewEpisode.L);
                if (r.Next(2) == 0)
                {
                    t.Add(LegalStatus.C2, Span(r), Placement(r), ReasonForNewEpisode.P);
                }

                break;
            case 1: // s20, sometimes moving placement inside the run, sometimes ending in a care order
                t.Add(LegalStatus.V2, Span(r), Placement(r));
                if (r.Next(3) == 0)
                {
                    t.Add(LegalStatus.V2, Span(r), Placement(r), ReasonForNewEpisode.P);
                }

                if (r.Next(3) == 0)
                {
                    t.Add(LegalStatus.C1, Span(r), Placement(r), ReasonForNewEpisode.L);
                    if (r.Next(2) == 0)
                    {
                        t.Add(LegalStatus.V2, Span(r), Placement(r), ReasonForNewEpisode.L); // a repeat entry in the same period
                    }
                }

                break;
            case 2: // to a placement order and an adoptive placement, which may go on, disrupt (A3 -> U1) or end with the order revoked (E1 -> C2)
                t.Add(LegalStatus.C2, Span(r), Placement(r));
                t.Add(LegalStatus.E1, Span(r), "U3", ReasonForNewEpisode.L);
                t.Add(LegalStatus.E1, Span(r), AdoptionPlacement(r), ReasonForNewEpisode.P);
                if (r.Next(3) == 0)
                {
                    t.Add(LegalStatus.E1, Span(r), AdoptionPlacement(r), ReasonForNewEpisode.T);
                }

                switch (r.Next(3))
                {
                    case 0:
                        t.Add(LegalStatus.E1, Span(r), "U1", ReasonForNewEpisode.P); // disrupted
                        break;
                    case 1:
                        t.Add(LegalStatus.C2, Span(r), Placement(r), ReasonForNewEpisode.L); // order revoked
                        break;
                }

                break;
            case 3: // a placement order revoked, and perhaps a new one
                t.Add(LegalStatus.E1, Span(r), Placement(r));
                t.Add(LegalStatus.C2, Span(r), Placement(r), ReasonForNewEpisode.L);
                if (r.Next(2) == 0)
                {
                    t.Add(LegalStatus.E1, Span(r), r.Next(2) == 0 ? AdoptionPlacement(r) : Placement(r), ReasonForNewEpisode.L);
                }

                break;
            case 4: // short breaks: one V3 break, back-to-back V3 episodes, or a V4 agreement
                switch (r.Next(4))
                {
                    case 0:
                    case 1:
                        t.Add(LegalStatus.V3, r.Next(3) == 0 ? r.Next(14, 60) : r.Next(1, 19), Placement(r));
                        break;
                    case 2:
                        t.Add(LegalStatus.V3, r.Next(1, 12), Placement(r));
                        t.Add(LegalStatus.V3, r.Next(1, 12), Placement(r), ReasonForNewEpisode.T);
                        break;
                    default:
                        t.Add(LegalStatus.V4, Span(r), Placement(r));
                        if (r.Next(3) == 0)
                        {
                            t.Add(LegalStatus.V3, r.Next(1, 20), Placement(r), ReasonForNewEpisode.L);
                        }

                        break;
                }

                break;
            case 5: // short statuses around the SSDA903 duration limits
                LegalStatus[] shortStatuses = [LegalStatus.L1, LegalStatus.L2, LegalStatus.L3, LegalStatus.J2, LegalStatus.J1, LegalStatus.J3];
                LegalStatus s = shortStatuses[r.Next(shortStatuses.Length)];
                int limit = s switch { LegalStatus.L1 => 3, LegalStatus.L3 => 7, _ => 21 };
                t.Add(s, limit + r.Next(-2, 4), Placement(r));
                if (r.Next(3) == 0)
                {
                    t.Add(s, r.Next(1, 5), Placement(r), ReasonForNewEpisode.P); // back-to-back episodes add up
                }

                t.Add(r.Next(2) == 0 ? LegalStatus.C1 : LegalStatus.V2, Span(r), Placement(r), ReasonForNewEpisode.L);
                break;
            default: // anything
                LegalStatus[] all = Enum.GetValues<LegalStatus>();
                for (int k = r.Next(1, 4); k > 0; k--)
                {
                    t.Add(all[r.Next(all.Length)], Span(r), r.Next(6) == 0 ? AdoptionPlacement(r) : Placement(r), (ReasonForNewEpisode)r.Next(1, 6));
                }

                break;
        }
    }

    private static ChildCase Child(Random r, LocalDate asOf, string id, int stages)
    {
        int scenario = r.Next(100);
        var t = new Timeline();

        if (scenario < 12)
        {
            // Short breaks: several V3/V4 periods with the child home in between, perhaps many in a year (LEG-1's 75 days).
            for (int k = r.Next(1, r.Next(2) == 0 ? 4 : 22); k > 0; k--)
            {
                Period(r, t, 4);
                t.NewPeriod(r.Next(3) == 0 ? r.Next(1, 8) : r.Next(8, 60), withS: r.Next(5) != 0);
            }

            switch (r.Next(5))
            {
                case 0:
                    Period(r, t, r.Next(0, 2));
                    break;
                case 1:
                case 2:
                    t.Add(LegalStatus.V4, r.Next(30, 900), Placement(r)); // an agreement open for months: reg 48's timetable (REV-9)
                    break;
            }
        }
        else if (scenario < 24)
        {
            // s20: V2 runs with gaps and repeat entries.
            for (int k = r.Next(1, 4); k > 0; k--)
            {
                t.Add(LegalStatus.V2, Span(r), Placement(r));
                if (r.Next(3) == 0)
                {
                    t.Add(LegalStatus.V2, Span(r), Placement(r), ReasonForNewEpisode.P);
                }

                t.NewPeriod(r.Next(4) == 0 ? 0 : r.Next(1, 200), withS: r.Next(4) != 0);
            }
        }
        else if (scenario < 36)
        {
            // Adoption: an earlier period with E1 that ended, then a current period on the adoption path.
            if (r.Next(2) == 0)
            {
                Period(r, t, r.Next(2) == 0 ? 3 : 2);
                t.NewPeriod(r.Next(3) == 0 ? 0 : r.Next(1, 400), withS: true);
            }

            Period(r, t, r.Next(3) == 0 ? 3 : 2);
        }
        else
        {
            // General: one to four periods of any kind.
            int periods = r.Next(10) < 5 ? 1 : r.Next(2, 5);
            for (int k = 0; k < periods; k++)
            {
                if (k > 0)
                {
                    t.NewPeriod(r.Next(4) == 0 ? 0 : r.Next(1, 700), withS: r.Next(6) != 0);
                }

                Period(r, t, r.Next(0, 8));
            }
        }

        // Place the timeline around the as-of date: often so that asOf is at, or next to, an event.
        var rel = t.Episodes;
        var events = rel.SelectMany(e => e.End is int end ? new[] { e.Start, end } : new[] { e.Start }).ToArray();
        int lastRel = rel[^1].End ?? rel[^1].Start;
        int pick = r.Next(100);
        int at = pick switch
        {
            < 35 => events[r.Next(events.Length)] + r.Next(-2, 3),
            < 60 => rel[r.Next(rel.Count)].Start + Span(r),
            < 85 => r.Next(rel[0].Start, lastRel + 60),
            < 95 => lastRel + r.Next(0, 400),
            _ => rel[0].Start - r.Next(1, 30),
        };

        // In the early era, sometimes begin a period within a few days of 14 October 1991 (RCCR 1991 in force).
        var reviewsFrom = new LocalDate(1991, 10, 14);
        if (asOf >= reviewsFrom && asOf < reviewsFrom.PlusDays(700) && r.Next(3) == 0)
        {
            int[] periodStarts = rel.Select((e, i) => (e, i)).Where(x => x.i == 0 || x.e.Rne == ReasonForNewEpisode.S || rel[x.i - 1].End < x.e.Start).Select(x => x.e.Start).ToArray();
            at = periodStarts[r.Next(periodStarts.Length)] + NodaTime.Period.DaysBetween(reviewsFrom.PlusDays(r.Next(-3, 4)), asOf);
        }

        LocalDate Date(int relative) => asOf.PlusDays(relative - at);

        // The last episode open (a later end is unknown to the list in any case), about half the time.
        bool lastOpen = r.Next(2) == 0;
        var episodes = new List<Episode>();
        for (int i = 0; i < rel.Count; i++)
        {
            var e = rel[i];
            LocalDate start = Date(e.Start);
            LocalDate? end = i == rel.Count - 1 && lastOpen ? null : Date(e.End!.Value);
            if (start < First)
            {
                continue; // before the supported years: drop (the next kept episode begins a period)
            }

            if (start > Last)
            {
                break;
            }

            if (end > Last)
            {
                episodes.Add(new Episode(start, null, e.Status, e.Rne, e.Place));
                break;
            }

            episodes.Add(new Episode(start, end, e.Status, e.Rne, e.Place));
        }

        if (episodes.Count == 0)
        {
            episodes.Add(new Episode(Clamp(asOf.PlusDays(-r.Next(0, 60))), null, LegalStatus.C2, ReasonForNewEpisode.S, Placement(r)));
        }

        LocalDate firstStart = episodes[0].Start;

        // The date of birth: under 4 (PN0), a child, or 15-19 (leaving care); never after the first episode.
        int age = r.Next(10) switch
        {
            < 2 => r.Next(0, 6 * 365),
            < 6 => r.Next(4 * 365, 15 * 365),
            _ => r.Next(15 * 365, 20 * 365),
        };
        LocalDate dob = asOf.PlusDays(-age);
        if (dob > firstStart)
        {
            dob = r.Next(6) == 0 ? firstStart : firstStart.PlusDays(-r.Next(0, 3000));
        }

        if (dob < new LocalDate(1900, 1, 1))
        {
            dob = new LocalDate(1900, 1, 1);
        }

        // A young person who left care at 16 or 17, perhaps after 13 weeks from 14 (relevant), for LC-5.
        if (scenario >= 36 && scenario < 48)
        {
            dob = asOf.PlusDays(-r.Next(15 * 365, 19 * 365 + 200));
            LocalDate from = Clamp(Age.Anniversary(dob, 14).PlusDays(r.Next(-100, 700)));
            LocalDate to = Age.Anniversary(dob, 16).PlusDays(r.Next(-60, 700));
            if (to <= from)
            {
                to = from.PlusDays(r.Next(1, 200));
            }

            episodes = [new Episode(from, r.Next(6) == 0 ? null : Clamp(to), r.Next(2) == 0 ? LegalStatus.V2 : LegalStatus.C2, ReasonForNewEpisode.S, Placement(r))];
            if (r.Next(4) == 0 && episodes[0].End is LocalDate left)
            {
                episodes.Add(new Episode(Clamp(left.PlusDays(r.Next(1, 120))), null, LegalStatus.V2, ReasonForNewEpisode.S, Placement(r)));
            }
        }

        var reviews = Reviews(r, episodes, dob, asOf);
        LocalDate lastDay = episodes[^1].End ?? asOf.PlusDays(200);

        var child = new ChildCase(id, dob, episodes, reviews)
        {
            IroVisits = r.Next(10) < 4 ? null : Visits(r, reviews, episodes[0].Start, lastDay),
            TracksReviewRecords = r.Next(2) == 0,
        };

        child = Adoption(r, child, asOf);
        if (r.Next(10) < 3)
        {
            child = child with { PathwayPlanOn = Clamp(Age.Anniversary(dob, 16).PlusDays(r.Next(-100, 500))) };
        }

        if (r.Next(100) < 18)
        {
            child = Secure(r, child, asOf);
        }

        if (r.Next(100) < 22)
        {
            child = child with { Escalations = Escalations(r, asOf, stages) };
        }

        if (r.Next(100) < 50)
        {
            child = child with { IroAllocations = Allocations(r, child, asOf) };
        }

        return r.Next(100) < 6 ? Corrupt(r, child) : child;
    }

    private static LocalDate Clamp(LocalDate d) => d < First ? First : d > Last ? Last : d;

    private static List<CaseReview> Reviews(Random r, List<Episode> episodes, LocalDate dob, LocalDate asOf)
    {
        var reviews = new List<CaseReview>();
        int skip = r.Next(3) == 0 ? 2 : 10; // some children's reviews are often missed
        foreach (PeriodOfCare period in Episodes.SplitIntoPeriods(episodes))
        {
            LocalDate end = period.End ?? asOf.PlusDays(r.Next(0, 400));
            LocalDate date = period.Start.PlusDays(r.Next(3) == 0 ? r.Next(0, 10) : r.Next(18, 40));
            for (int n = 1; date < end && date <= Last && reviews.Count < 40; n++)
            {
                if (r.Next(skip) != 0 && (reviews.Count == 0 || reviews[^1].Date < date))
                {
                    reviews.Add(Review(r, date, dob));
                }

                date = date.PlusDays(n == 1 ? r.Next(50, 110) : r.Next(100, 210));
            }

            if (period.End is LocalDate ended && r.Next(12) == 0 && ended.PlusDays(3) <= Last)
            {
                reviews.Add(Review(r, ended.PlusDays(r.Next(0, 3)), dob)); // a review recorded on or after the period ended
            }
        }

        return reviews.GroupBy(x => x.Date).Select(g => g.First()).ToList();
    }

    private static CaseReview Review(Random r, LocalDate date, LocalDate dob)
    {
        bool underFour = date < Age.Anniversary(dob, 4);
        int pick = r.Next(20);
        ParticipationCode? code = pick switch
        {
            < 2 => null,                                                        // missing
            < 4 => underFour ? (ParticipationCode)r.Next(1, 8) : ParticipationCode.PN0, // wrong for age
            _ => underFour ? ParticipationCode.PN0 : (ParticipationCode)r.Next(1, 8),
        };
        LocalDate? Sent(int min, int max) => r.Next(4) == 0 ? null : date.PlusDays(r.Next(min, max)) is var d && d <= Last ? d : null;
        return new CaseReview(date, code)
        {
            RecommendationsOn = Sent(0, 14),
            MinutesOn = Sent(3, 40),
            ChildRefusedIroVisit = r.Next(7) == 0,
        };
    }

    private static LocalDate[] Visits(Random r, List<CaseReview> reviews, LocalDate from, LocalDate to)
    {
        var visits = new List<LocalDate>();
        foreach (CaseReview review in reviews)
        {
            if (r.Next(10) < 7)
            {
                visits.Add(review.Date.PlusDays(-r.Next(0, 60)));
            }
        }

        for (int k = r.Next(0, 3); k > 0 && to > from; k--)
        {
            visits.Add(from.PlusDays(r.Next(0, NodaTime.Period.DaysBetween(from, to) + 1)));
        }

        return visits.Select(Clamp).Distinct().ToArray();
    }

    private static ChildCase Adoption(Random r, ChildCase child, LocalDate asOf)
    {
        bool adoptionPath = child.Episodes.Any(e => e.LegalStatus == LegalStatus.E1 || AdoptionPlacements.Contains(e.PlacementType));
        if (!adoptionPath && r.Next(6) != 0)
        {
            return child;
        }

        LocalDate anchor = child.Episodes.FirstOrDefault(e => e.LegalStatus == LegalStatus.E1)?.Start ?? child.Episodes[^1].Start;
        LocalDate? decision = r.Next(4) == 0 ? null : Clamp(r.Next(2) == 0 ? anchor.PlusDays(r.Next(-300, 120)) : asOf.PlusDays(-Span(r)));
        LocalDate? reversed = decision is LocalDate d && r.Next(5) == 0 ? Clamp(d.PlusDays(r.Next(1, 500))) : null;
        LocalDate placedAnchor = child.Episodes.FirstOrDefault(e => AdoptionPlacements.Contains(e.PlacementType))?.Start ?? anchor;
        LocalDate? application = r.Next(3) == 0 ? Clamp(placedAnchor.PlusDays(r.Next(0, 150))) : null;
        return child with
        {
            ShouldBePlacedForAdoptionOn = decision,
            AdoptionDecisionReversedOn = reversed,
            AdoptionApplicationOn = application,
            PlacementOrderOn = r.Next(20) == 0 ? Clamp(asOf.PlusDays(-Span(r))) : null, // a source that records it
            PlacedForAdoptionOn = r.Next(20) == 0 ? Clamp(asOf.PlusDays(-Span(r))) : null,
            KnownFrom = r.Next(4) == 0 ? Clamp(new Iro.Rules.Timescales.ReportingYear(Iro.Rules.Timescales.ReportingYear.Of(asOf).StartYear - r.Next(0, 3)).Start) : null, // an SSDA903 window (903-W)
        };
    }

    private static ChildCase Secure(Random r, ChildCase child, LocalDate asOf)
    {
        LocalDateTime at = asOf.PlusDays(-r.Next(0, 120)).At(new LocalTime(r.Next(0, 24), r.Next(4) * 15));
        var stays = new List<SecureStay>();
        for (int k = r.Next(1, 4); k > 0; k--)
        {
            int hours = r.Next(3) == 0 ? r.Next(24, 24 * 90) : r.Next(1, 24 * 5);
            LocalDateTime end = at.PlusHours(hours);
            bool open = k == 1 && r.Next(3) == 0;
            stays.Add(new SecureStay(at, open ? null : end));
            at = end.PlusHours(r.Next(1, 24 * 30));
        }

        var orders = new List<SecureOrder>();
        if (r.Next(3) == 0)
        {
            // Issue G's SEC-2 case: a long stay whose court authority ends while the stay goes on.
            LocalDateTime placed = stays[^1].Start;
            stays[^1] = new SecureStay(placed, r.Next(4) == 0 ? null : placed.PlusHours(24 * r.Next(8, 40)));
            LocalDate from = placed.Date.PlusDays(r.Next(1, 3));
            orders.Add(new SecureOrder(from, from.PlusDays(r.Next(2, 8))));
        }

        for (int k = r.Next(0, 3); k > 0; k--)
        {
            LocalDate start = stays[r.Next(stays.Count)].Start.Date.PlusDays(r.Next(0, 4));
            orders.Add(new SecureOrder(start, start.PlusDays(r.Next(0, 200)), IsRenewal: r.Next(3) == 0, RemandEnds: r.Next(8) == 0 ? start.PlusDays(r.Next(0, 100)) : null));
        }

        var reviews = new List<SecureReview>();
        foreach (SecureStay stay in stays.Where(_ => r.Next(2) == 0))
        {
            LocalDate held = stay.Start.Date.PlusDays(r.Next(10, 45));
            for (int k = r.Next(1, 3); k > 0; k--)
            {
                int size = r.Next(2, 5);
                reviews.Add(new SecureReview(held, size, r.Next(0, Math.Min(size, 2) + 1)));
                held = held.PlusDays(r.Next(60, 100));
            }
        }

        return child with { SecureStays = stays, SecureOrders = orders, SecureReviews = reviews };
    }

    private static DisputeEscalation[] Escalations(Random r, LocalDate asOf, int stages)
    {
        var escalations = new List<DisputeEscalation>();
        for (int k = r.Next(1, 3); k > 0; k--)
        {
            LocalDate raised = asOf.PlusDays(-(r.Next(2) == 0 ? r.Next(0, 40) : Span(r)));
            var steps = new List<EscalationStep>();
            int stage = r.Next(1, 3);
            while (stage <= stages && steps.Count < 4)
            {
                int number = r.Next(25) == 0 ? r.Next(stages + 1, 10) : stage; // a stage the policy's protocol does not define
                LocalDate? completed = r.Next(2) == 0 ? raised.PlusDays(r.Next(0, 10)) : null;
                steps.Add(new EscalationStep(number, Clamp(raised), completed is LocalDate c ? Clamp(c) : null));
                raised = (completed ?? raised).PlusDays(r.Next(0, 8));
                stage += r.Next(1, 3);
                if (r.Next(3) == 0)
                {
                    break;
                }
            }

            LocalDate lastEvent = steps.Max(s => s.CompletedOn is LocalDate c && c > s.RaisedOn ? c : s.RaisedOn);
            LocalDate? resolved = r.Next(10) switch
            {
                < 4 => null,
                < 8 => Clamp(lastEvent.PlusDays(r.Next(0, 20))),
                _ => Clamp(steps.Min(s => s.RaisedOn).PlusDays(r.Next(0, 30))),
            };
            escalations.Add(new DisputeEscalation(steps, resolved));
        }

        return escalations.ToArray();
    }

    /// <summary>IRO allocations (IRO-1): none, or per period one around its start (before it, on the day, the next day
    /// or later: around the local deadline), after the as-of date, and sometimes a reallocation; from a few IROs.</summary>
    private static IroAllocation[] Allocations(Random r, ChildCase child, LocalDate asOf)
    {
        var allocations = new List<IroAllocation>();
        foreach (PeriodOfCare period in Episodes.SplitIntoPeriods(child.Episodes))
        {
            if (r.Next(4) == 0)
            {
                continue; // no IRO allocated to this period
            }

            int offset = r.Next(6) switch { 0 => -r.Next(1, 200), 1 => 0, 2 => 1, 3 => r.Next(2, 5), _ => r.Next(0, 60) };
            LocalDate from = Clamp(period.Start.PlusDays(offset));
            allocations.Add(new IroAllocation("IRO-" + r.Next(1, 4).ToString(CultureInfo.InvariantCulture), r.Next(8) == 0 ? Clamp(asOf.PlusDays(r.Next(1, 30))) : from));
            if (r.Next(4) == 0)
            {
                allocations.Add(new IroAllocation("IRO-" + r.Next(1, 4).ToString(CultureInfo.InvariantCulture), Clamp(from.PlusDays(r.Next(0, 300)))));
            }
        }

        return allocations.ToArray();
    }

    /// <summary>One fault the validator must reject.</summary>
    private static ChildCase Corrupt(Random r, ChildCase child)
    {
        List<Episode> episodes = child.Episodes.ToList();
        List<CaseReview> reviews = child.Reviews.ToList();
        switch (r.Next(12))
        {
            case 0:
                return GuardShrinker.Rebuild(child, id: " ");
            case 10:
                return child with { IroAllocations = [.. child.IroAllocations ?? [], new IroAllocation(r.Next(2) == 0 ? " " : string.Empty, episodes[0].Start)] }; // IN-IRO-ALLOCATION
            case 11:
                return child with { IroAllocations = [new IroAllocation("IRO-1", new LocalDate(1899, 12, 31))] }; // IN-DATE-RANGE
            case 1:
                episodes.Add(new Episode(child.DateOfBirth.PlusDays(-r.Next(1, 30)), child.DateOfBirth, LegalStatus.V2, ReasonForNewEpisode.S));
                return GuardShrinker.Rebuild(child, episodes: episodes);
            case 2:
                episodes.Add(new Episode(episodes[0].Start.PlusDays(1), null, LegalStatus.C2, ReasonForNewEpisode.L)); // overlaps
                return GuardShrinker.Rebuild(child, episodes: episodes);
            case 3 when reviews.Count > 0:
                reviews.Add(new CaseReview(reviews[0].Date, ParticipationCode.PN1));
                return GuardShrinker.Rebuild(child, reviews: reviews);
            case 4:
                reviews.Add(new CaseReview(episodes[0].Start.PlusDays(-1), ParticipationCode.PN7));
                return GuardShrinker.Rebuild(child, reviews: reviews);
            case 5 when reviews.Count > 0:
                reviews[0] = reviews[0] with { MinutesOn = reviews[0].Date.PlusDays(-1) };
                return GuardShrinker.Rebuild(child, reviews: reviews);
            case 6:
                LocalDateTime at = episodes[0].Start.AtMidnight();
                return child with { SecureStays = [new SecureStay(at.PlusHours(5), at)] };
            case 7:
                return child with { SecureReviews = [new SecureReview(episodes[0].Start, 2, 3)] };
            case 8:
                LocalDate raised = episodes[0].Start;
                return child with { Escalations = [new DisputeEscalation([new EscalationStep(r.Next(2) == 0 ? 0 : 2, raised, raised.PlusDays(-1))])] };
            default:
                reviews.Add(new CaseReview(episodes[^1].Start, (ParticipationCode)9));
                return GuardShrinker.Rebuild(child, reviews: reviews.GroupBy(x => x.Date).Select(g => g.Last()));
        }
    }
}

/// <summary>Shrinks a failing case towards one child with as few facts as still fail, and the default settings.</summary>
public static class GuardShrinker
{
    public static IEnumerable<CaseloadGuardProperties.GuardCase> Shrink(CaseloadGuardProperties.GuardCase c)
    {
        if (c.Children.Length > 1)
        {
            foreach (ChildCase child in c.Children)
            {
                yield return c with { Children = [child] };
            }

            yield break;
        }

        if (c.PolicyIndex != 0)
        {
            yield return c with { PolicyIndex = 0 };
        }

        if (c.CalendarIndex != 0)
        {
            yield return c with { CalendarIndex = 0 };
        }

        if (c.DueSoonDays != 14)
        {
            yield return c with { DueSoonDays = 14 };
        }

        foreach (ChildCase smaller in Simpler(c.Children[0]))
        {
            yield return c with { Children = [smaller] };
        }
    }

    private static IEnumerable<ChildCase> Simpler(ChildCase child)
    {
        if (child.Escalations is { Count: > 0 } escalations)
        {
            yield return child with { Escalations = null };
            for (int i = 0; escalations.Count > 1 && i < escalations.Count; i++)
            {
                yield return child with { Escalations = escalations.Where((_, k) => k != i).ToArray() };
            }
        }

        if (child.SecureStays is not null || child.SecureOrders is not null || child.SecureReviews is not null)
        {
            yield return child with { SecureStays = null, SecureOrders = null, SecureReviews = null };
            if (child.SecureReviews is not null)
            {
                yield return child with { SecureReviews = null };
            }

            if (child.SecureOrders is not null)
            {
                yield return child with { SecureOrders = null };
            }

            if (child.SecureStays is { Count: > 1 } stays)
            {
                for (int i = 0; i < stays.Count; i++)
                {
                    yield return child with { SecureStays = stays.Where((_, k) => k != i).ToArray() };
                }
            }
        }

        if (child.IroAllocations is { } allocations)
        {
            yield return child with { IroAllocations = null };
            for (int i = 0; i < allocations.Count; i++)
            {
                yield return child with { IroAllocations = allocations.Where((_, k) => k != i).ToArray() };
            }
        }

        if (child.IroVisits is { } visits)
        {
            yield return child with { IroVisits = null };
            for (int i = 0; i < visits.Count; i++)
            {
                yield return child with { IroVisits = visits.Where((_, k) => k != i).ToArray() };
            }
        }

        if (child.TracksReviewRecords)
        {
            yield return child with { TracksReviewRecords = false };
        }

        if (child.ShouldBePlacedForAdoptionOn is not null)
        {
            yield return child with { ShouldBePlacedForAdoptionOn = null };
        }

        if (child.AdoptionDecisionReversedOn is not null)
        {
            yield return child with { AdoptionDecisionReversedOn = null };
        }

        if (child.AdoptionApplicationOn is not null)
        {
            yield return child with { AdoptionApplicationOn = null };
        }

        if (child.PlacementOrderOn is not null)
        {
            yield return child with { PlacementOrderOn = null };
        }

        if (child.PlacedForAdoptionOn is not null)
        {
            yield return child with { PlacedForAdoptionOn = null };
        }

        if (child.PathwayPlanOn is not null)
        {
            yield return child with { PathwayPlanOn = null };
        }

        // Fewer reviews, then plainer reviews.
        for (int i = 0; i < child.Reviews.Count; i++)
        {
            yield return Rebuild(child, reviews: child.Reviews.Where((_, k) => k != i));
        }

        for (int i = 0; i < child.Reviews.Count; i++)
        {
            CaseReview review = child.Reviews[i];
            CaseReview plain = new(review.Date, review.Code);
            if (review != plain)
            {
                yield return Rebuild(child, reviews: child.Reviews.Select((x, k) => k == i ? plain : x));
            }
        }

        // Fewer episodes: from either end, then any.
        if (child.Episodes.Count > 1)
        {
            for (int i = 0; i < child.Episodes.Count; i++)
            {
                yield return Rebuild(child, episodes: child.Episodes.Where((_, k) => k != i));
            }
        }
    }

    /// <summary>The record with other episodes, reviews or id, every other fact kept.</summary>
    public static ChildCase Rebuild(ChildCase child, IEnumerable<Episode>? episodes = null, IEnumerable<CaseReview>? reviews = null, string? id = null) =>
        new(id ?? child.Id, child.DateOfBirth, episodes ?? child.Episodes, reviews ?? child.Reviews)
        {
            IroVisits = child.IroVisits,
            TracksReviewRecords = child.TracksReviewRecords,
            SecureStays = child.SecureStays,
            SecureOrders = child.SecureOrders,
            SecureReviews = child.SecureReviews,
            Escalations = child.Escalations,
            IroAllocations = child.IroAllocations,
            PermanencePlanAgreedOn = child.PermanencePlanAgreedOn,
            PlacementOrderOn = child.PlacementOrderOn,
            ShouldBePlacedForAdoptionOn = child.ShouldBePlacedForAdoptionOn,
            AdoptionDecisionReversedOn = child.AdoptionDecisionReversedOn,
            PlacedForAdoptionOn = child.PlacedForAdoptionOn,
            AdoptionApplicationOn = child.AdoptionApplicationOn,
            PathwayPlanOn = child.PathwayPlanOn,
            KnownFrom = child.KnownFrom,
        };
}

/// <summary>A child's record as C# that rebuilds it, for counterexamples.</summary>
public static class GuardDescribe
{
    public static string Date(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string New(LocalDate d) => $"new LocalDate({d.Year}, {d.Month}, {d.Day})";

    private static string New(LocalDate? d) => d is LocalDate x ? New(x) : "null";

    private static string New(LocalDateTime d) => $"new LocalDateTime({d.Year}, {d.Month}, {d.Day}, {d.Hour}, {d.Minute})";

    public static string Child(ChildCase c)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"new ChildCase(\"{c.Id}\", {New(c.DateOfBirth)},\n  [");
        s.Append(string.Join(",\n   ", c.Episodes.Select(e =>
            $"new Episode({New(e.Start)}, {New(e.End)}, LegalStatus.{e.LegalStatus}, ReasonForNewEpisode.{e.Reason}{(e.PlacementType is null ? string.Empty : $", \"{e.PlacementType}\"")})")));
        s.Append("],\n  [");
        s.Append(string.Join(",\n   ", c.Reviews.Select(r =>
        {
            var init = new List<string>();
            if (r.RecommendationsOn is not null)
            {
                init.Add($"RecommendationsOn = {New(r.RecommendationsOn)}");
            }

            if (r.MinutesOn is not null)
            {
                init.Add($"MinutesOn = {New(r.MinutesOn)}");
            }

            if (r.ChildRefusedIroVisit)
            {
                init.Add("ChildRefusedIroVisit = true");
            }

            string code = r.Code is ParticipationCode pn ? (Enum.IsDefined(pn) ? $"ParticipationCode.{pn}" : $"(ParticipationCode){(int)pn}") : "null";
            return $"new CaseReview({New(r.Date)}, {code}){(init.Count == 0 ? string.Empty : " { " + string.Join(", ", init) + " }")}";
        })));
        s.Append("])\n{");
        var props = new List<string>();
        if (c.IroVisits is { } visits)
        {
            props.Add($"IroVisits = [{string.Join(", ", visits.Select(New))}]");
        }

        if (c.TracksReviewRecords)
        {
            props.Add("TracksReviewRecords = true");
        }

        foreach ((string name, LocalDate? value) in new[]
        {
            ("KnownFrom", c.KnownFrom), ("PermanencePlanAgreedOn", c.PermanencePlanAgreedOn), ("PlacementOrderOn", c.PlacementOrderOn),
            ("ShouldBePlacedForAdoptionOn", c.ShouldBePlacedForAdoptionOn), ("AdoptionDecisionReversedOn", c.AdoptionDecisionReversedOn),
            ("PlacedForAdoptionOn", c.PlacedForAdoptionOn), ("AdoptionApplicationOn", c.AdoptionApplicationOn), ("PathwayPlanOn", c.PathwayPlanOn),
        })
        {
            if (value is not null)
            {
                props.Add($"{name} = {New(value)}");
            }
        }

        if (c.SecureStays is { } stays)
        {
            props.Add($"SecureStays = [{string.Join(", ", stays.Select(x => $"new SecureStay({New(x.Start)}, {(x.End is LocalDateTime e ? New(e) : "null")})"))}]");
        }

        if (c.SecureOrders is { } orders)
        {
            props.Add($"SecureOrders = [{string.Join(", ", orders.Select(o => $"new SecureOrder({New(o.Start)}, {New(o.End)}, {(o.IsRenewal ? "true" : "false")}, {New(o.RemandEnds)})"))}]");
        }

        if (c.SecureReviews is { } secureReviews)
        {
            props.Add($"SecureReviews = [{string.Join(", ", secureReviews.Select(x => $"new SecureReview({New(x.HeldOn)}, {x.PanelSize}, {x.IndependentMembers})"))}]");
        }

        if (c.IroAllocations is { } allocations)
        {
            props.Add($"IroAllocations = [{string.Join(", ", allocations.Select(a => $"new IroAllocation(\"{a.Iro}\", {New(a.From)})"))}]");
        }

        if (c.Escalations is { } escalations)
        {
            props.Add($"Escalations = [{string.Join(", ", escalations.Select(e => $"new DisputeEscalation([{string.Join(", ", (e.Steps ?? []).Select(st => st is null ? "null" : $"new EscalationStep({st.Stage}, {New(st.RaisedOn)}, {New(st.CompletedOn)})"))}], {New(e.ResolvedOn)})"))}]");
        }

        s.Append(string.Join(",\n  ", props.Prepend(string.Empty).Skip(1).Select((p, i) => (i == 0 ? "\n  " : string.Empty) + p)));
        s.Append("\n}");
        return s.ToString();
    }
}
