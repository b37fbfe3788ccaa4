using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Explanations;
using Iro.Rules.Internal;
using Iro.Rules.Reviews;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>What a worklist item asks the IRO to do.</summary>
public enum WorklistItemKind
{
    /// <summary>Hold the child's next review (REV-1, REV-2, REV-3 or REV-9): due date and book-by date ("review").</summary>
    Review = 0,

    /// <summary>See the child in the window before the next review (REV-10) ("iro-visit").</summary>
    IroVisit = 1,

    /// <summary>Place a review's recommendations on the child's file (REV-6) ("recommendations").</summary>
    Recommendations = 2,

    /// <summary>Send a review's minutes (REV-6) ("minutes").</summary>
    Minutes = 3,
}

/// <summary>Where a worklist item stands on the as-of date.</summary>
public enum WorklistStatus
{
    /// <summary>Its date has passed with nothing done ("overdue").</summary>
    Overdue = 0,

    /// <summary>Its date is from the as-of date to the end of the horizon ("due").</summary>
    Due = 1,
}

/// <summary>One thing an IRO has to do for one child: the rule's own finding, with its dates.</summary>
/// <remarks>
/// <para>Immutable. Rules REV-1 to REV-3 and REV-9 (the next review), REV-10 (the visit before it) and REV-6 (the
/// recommendations and minutes of reviews held); CAL-4 (the book-by date). The finding is the one the rule's public API
/// gives for the same facts (<see cref="ReviewSchedule"/>); <see cref="Reason"/> adds the book-by date where it differs
/// from the due date.</para>
/// <para>Review 3 due by Sunday 2026-03-22: <see cref="DueDate"/> 2026-03-22, <see cref="BookBy"/> Friday 2026-03-20.</para>
/// </remarks>
/// <param name="Iro">The IRO allocated to the child on the as-of date, or <see langword="null"/> when none is recorded.</param>
/// <param name="ChildId">The child (SSDA903 CHILD).</param>
/// <param name="Kind">A review, a visit, recommendations or minutes.</param>
/// <param name="Status">Overdue, or due within the horizon.</param>
/// <param name="DueDate">The last day in time: the statutory or local due date (for a visit, the window's last day). It never moves.</param>
/// <param name="Finding">The rule's finding: rule id, outcome, citation and one-line reason.</param>
public sealed record WorklistItem(string? Iro, string ChildId, WorklistItemKind Kind, WorklistStatus Status, LocalDate DueDate, Finding Finding)
{
    private readonly string? reason;

    /// <summary>The child's identifier.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string ChildId { get; init; } = Preconditions.CheckNotNull(ChildId, nameof(ChildId));

    /// <summary>The rule's finding behind the item: its rule id, citation and reason.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Finding Finding { get; init; } = Preconditions.CheckNotNull(Finding, nameof(Finding));

    /// <summary>For a review, the day to book it by: the latest working day on or before <see cref="DueDate"/> in the
    /// worklist's calendar (CAL-4, <see cref="Timescales.CalendarMonths.SuggestedLatestWorkingDay"/>); otherwise <see langword="null"/>.</summary>
    public LocalDate? BookBy { get; init; }

    /// <summary>For a visit, the first day of the window (REV-10); otherwise <see langword="null"/>.</summary>
    public LocalDate? WindowStart { get; init; }

    /// <summary>For a visit, the last day of the window (the review as booked, or the day before it); otherwise <see langword="null"/>.</summary>
    public LocalDate? WindowEnd { get; init; }

    /// <summary>The start of the period of care the item belongs to (as the source holds it).</summary>
    public LocalDate PeriodStart { get; init; }

    /// <summary>The number of the review the item is about (the next review, or the review whose record is owed);
    /// <see langword="null"/> when the period is known only in part and reviews cannot be numbered (903-W).</summary>
    public int? ReviewNumber { get; init; }

    /// <summary>When <see cref="ReviewNumber"/> is unknown (903-W): the date the next review's interval runs from (the
    /// latest review the source holds, or the start of its history); otherwise <see langword="null"/>.</summary>
    public LocalDate? ReviewAfter { get; init; }

    /// <summary>For recommendations and minutes, the day the review was held; otherwise <see langword="null"/>.</summary>
    public LocalDate? ReviewHeldOn { get; init; }

    /// <summary>The one-line reason: the finding's summary, with the book-by date where it differs from the due date.</summary>
    public string Reason
    {
        get => reason ?? Finding.Summary;
        init => reason = value;
    }

    /// <summary>The rule id, for example REV-3.</summary>
    public RuleId Rule => Finding.Rule;

    /// <summary>The legal or local source of the rule.</summary>
    public Citation Citation => Finding.Citation;

    /// <summary>The kind as the worklist writes it: <c>review</c>, <c>iro-visit</c>, <c>recommendations</c> or <c>minutes</c>.</summary>
    public string KindText => Kind switch
    {
        WorklistItemKind.Review => "review",
        WorklistItemKind.IroVisit => "iro-visit",
        WorklistItemKind.Recommendations => "recommendations",
        _ => "minutes",
    };

    /// <summary>The status as the worklist writes it: <c>overdue</c> or <c>due</c>.</summary>
    public string StatusText => Status == WorklistStatus.Overdue ? "overdue" : "due";

    /// <summary>
    /// The item's stable identity, the same on every run for the same obligation: the child (percent-encoded, so the
    /// key is ASCII letters, digits and <c>%-./</c> only), the rule, the period's start, the review (its number, or
    /// <c>after-</c> and <see cref="ReviewAfter"/>) and the kind, for example <c>C100123/REV-3/20240105/3/review</c>.
    /// </summary>
    /// <remarks>Calendar files build their event UIDs from it, so that next week's file updates the same events.</remarks>
    public string Key => string.Concat(
    [
        Escape(ChildId), "/", Rule.Value, "/", Compact(PeriodStart), "/",
        ReviewNumber is int n ? n.ToString(CultureInfo.InvariantCulture) : "after-" + (ReviewAfter is LocalDate a ? Compact(a) : "unknown"),
        "/", KindText,
    ]);

    private static string Compact(LocalDate date) => DateFormat.Iso(date).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>The characters a key keeps as they are (ASCII letters, digits, '-' and '.'); any other is percent-encoded.</summary>
    private static readonly System.Buffers.SearchValues<char> Plain =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");

    private static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(Plain))
        {
            return text; // nearly every child id: nothing to encode
        }

        var escaped = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}

/// <summary>
/// The IROs' worklist as of a date: per IRO, each child's next review with its due and book-by dates, the visit window
/// before it, the recommendations and minutes owed from reviews held, and anything overdue; children with no IRO
/// allocated are a group of their own.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Rules REV-1 to REV-3 and REV-9, REV-10, REV-6 and CAL-4; citations: CPPCR 2010
/// regs 33 and 36(1)(b), with the local REV-6 deadlines and REV-10 window of <see cref="LocalPolicy"/>. Every item is
/// built by the same per-rule code as the weekly flag list (<see cref="CaseloadEvaluator"/>), and a child is on the
/// worklist exactly when the weekly list evaluates it: a record that fails validation, or that a rule cannot evaluate,
/// is in <see cref="NotEvaluated"/> with every reason.</para>
/// <para>Items dated after <see cref="HorizonEnd"/> (the as-of date plus the horizon, 8 weeks by default) are left out;
/// overdue items always appear. Sources that do not record when recommendations and minutes were sent
/// (<see cref="ChildCase.TracksReviewRecords"/> off) get reminders of deadlines still to come, never an overdue item.
/// A period of care known only in part (903-W) gets its next review at the latest date it can be in time, unnumbered,
/// and no REV-6 items. The IRO of a child is the allocation in force on the as-of date (<see cref="ChildCase.IroAllocations"/>).</para>
/// <para>Items are sorted by IRO (ordinal; no IRO last), then due date, child and kind.</para>
/// </remarks>
public sealed class Worklist
{
    /// <summary>The default horizon: 8 weeks.</summary>
    public const int DefaultHorizonWeeks = 8;

    /// <summary>The longest horizon: 52 weeks.</summary>
    public const int MaxHorizonWeeks = 52;

    internal Worklist(LocalDate asOf, int horizonWeeks, IReadOnlyList<WorklistItem> items, IReadOnlyList<ChildEvaluation> notEvaluated, int childrenRead)
    {
        AsOf = asOf;
        HorizonWeeks = horizonWeeks;
        Items = items is WorklistItem[] itemArray ? Array.AsReadOnly(itemArray) : items; // not castable back to a writable array
        NotEvaluated = notEvaluated is ChildEvaluation[] notArray ? Array.AsReadOnly(notArray) : notEvaluated;
        ChildrenRead = childrenRead;
        Iros = Array.AsReadOnly(items.Select(static i => i.Iro).Distinct().ToArray());

        // The items are sorted by IRO, so each IRO's items are one run: found once here, for ForIro.
        for (int i = 0, from = 0; i < items.Count; i++)
        {
            if (i + 1 == items.Count || !string.Equals(items[i + 1].Iro, items[i].Iro, StringComparison.Ordinal))
            {
                if (items[i].Iro is string iro)
                {
                    contiguous &= runs.TryAdd(iro, (from, i + 1 - from));
                }
                else
                {
                    contiguous &= noIro.Count == 0;
                    noIro = (from, i + 1 - from);
                }

                from = i + 1;
            }
        }
    }

    private readonly Dictionary<string, (int From, int Count)> runs = new(StringComparer.Ordinal);
    private readonly (int From, int Count) noIro;
    private readonly bool contiguous = true;

    /// <summary>The date of the worklist.</summary>
    public LocalDate AsOf { get; }

    /// <summary>How many weeks ahead it looks.</summary>
    public int HorizonWeeks { get; }

    /// <summary>The last day it looks at: <see cref="AsOf"/> plus <see cref="HorizonWeeks"/> weeks (CAL-5).</summary>
    public LocalDate HorizonEnd => Timescales.Weeks.After(AsOf, HorizonWeeks);

    /// <summary>Every item, sorted by IRO (no IRO last), then due date, child and kind.</summary>
    public IReadOnlyList<WorklistItem> Items { get; }

    /// <summary>The IROs with items, in the order of <see cref="Items"/>; <see langword="null"/> (last) stands for children with no IRO allocated.</summary>
    public IReadOnlyList<string?> Iros { get; }

    /// <summary>The children not on the worklist because they could not be evaluated, with every reason.</summary>
    public IReadOnlyList<ChildEvaluation> NotEvaluated { get; }

    /// <summary>Children read: evaluated plus not evaluated.</summary>
    public int ChildrenRead { get; }

    /// <summary>Children evaluated (with 0 or more items).</summary>
    public int ChildrenEvaluated => ChildrenRead - NotEvaluated.Count;

    /// <summary>How the items are ordered: IRO (ordinal; none last), due date, child (ordinal), kind, review number.</summary>
    public static IComparer<WorklistItem> Order { get; } = Comparer<WorklistItem>.Create(static (a, b) =>
    {
        int c = a.Iro is null ? (b.Iro is null ? 0 : 1) : b.Iro is null ? -1 : string.CompareOrdinal(a.Iro, b.Iro);
        c = c != 0 ? c : a.DueDate.CompareTo(b.DueDate);
        c = c != 0 ? c : string.CompareOrdinal(a.ChildId, b.ChildId);
        c = c != 0 ? c : a.Kind.CompareTo(b.Kind);
        return c != 0 ? c : Nullable.Compare(a.ReviewNumber, b.ReviewNumber);
    });

    /// <summary>The items of one IRO, in order.</summary>
    /// <param name="iro">The IRO, or <see langword="null"/> for the children with no IRO allocated.</param>
    /// <returns>The items (empty when the IRO has none).</returns>
    public IReadOnlyList<WorklistItem> ForIro(string? iro)
    {
        if (!contiguous)
        {
            return Items.Where(i => string.Equals(i.Iro, iro, StringComparison.Ordinal)).ToArray();
        }

        (int from, int count) = iro is null ? noIro : runs.TryGetValue(iro, out var run) ? run : (0, 0);
        var result = new WorklistItem[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Items[from + i];
        }

        return result;
    }

    /// <summary>Builds the worklist for a caseload, streaming the children once.</summary>
    /// <param name="children">The children.</param>
    /// <param name="asOf">The date of the worklist, 1971-01-01 to 2100-12-31.</param>
    /// <param name="policy">The local policy; the default when null.</param>
    /// <param name="calendar">The council's working-day calendar (REV-6 deadlines, book-by dates); England and Wales when null.</param>
    /// <param name="horizonWeeks">How many weeks ahead to look, 0 to 52 (default 8).</param>
    /// <returns>The worklist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="children"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> or <paramref name="horizonWeeks"/> is out of range.</exception>
    public static Worklist Build(
        IEnumerable<ChildCase> children, LocalDate asOf, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, int horizonWeeks = DefaultHorizonWeeks)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        var builder = new WorklistBuilder(asOf, policy, calendar, horizonWeeks);
        foreach (ChildCase child in children)
        {
            builder.Add(child);
        }

        return builder.Build();
    }

    /// <summary>The IRO allocated to <paramref name="child"/> on <paramref name="date"/> (<see cref="IroChecks.AllocationOn"/>: IRO-1,
    /// IRO-3), or <see langword="null"/> when none is recorded.</summary>
    internal static string? IroOn(ChildCase child, LocalDate date) => IroChecks.AllocationOn(child, date)?.Iro;
}

/// <summary>
/// The worklist built one child at a time, so that a job can build it in the same pass as the weekly flag list and the
/// annual figures (<see cref="ICaseloadSink.Evaluated"/>); <see cref="Worklist.Build"/> is this builder over a sequence.
/// </summary>
/// <remarks>Not thread-safe: add children from one thread (the evaluator's <see cref="ICaseloadSink"/> is called so).
/// Rules as <see cref="Worklist"/>.</remarks>
public sealed class WorklistBuilder
{
    private readonly LocalDate asOf;
    private readonly int horizonWeeks;
    private readonly CaseloadEvaluator evaluator;
    private readonly WeeklyRun run;
    private readonly List<WorklistItem> items = new();
    private readonly List<ChildEvaluation> notEvaluated = new();
    private int read;

    /// <summary>A builder for one as-of date.</summary>
    /// <param name="asOf">The date of the worklist, 1971-01-01 to 2100-12-31.</param>
    /// <param name="policy">The local policy; the default when null.</param>
    /// <param name="calendar">The council's working-day calendar; England and Wales when null.</param>
    /// <param name="horizonWeeks">How many weeks ahead to look, 0 to 52 (default 8).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> or <paramref name="horizonWeeks"/> is out of range.</exception>
    public WorklistBuilder(LocalDate asOf, LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, int horizonWeeks = Worklist.DefaultHorizonWeeks)
    {
        Preconditions.CheckDateRange(asOf, WorkingDayCalendar.MinDate, WorkingDayCalendar.MaxDate, nameof(asOf), "CAL-1");
        Preconditions.CheckRange(horizonWeeks, 0, Worklist.MaxHorizonWeeks, nameof(horizonWeeks), "CAL-5");
        this.asOf = asOf;
        this.horizonWeeks = horizonWeeks;
        evaluator = new CaseloadEvaluator(policy, calendar);
        run = new WeeklyRun(evaluator.Policy, evaluator.Calendar, Period.DaysBetween(asOf, Timescales.Weeks.After(asOf, horizonWeeks))); // the look-ahead, CAL-5 weeks
    }

    /// <summary>Adds one child: its items, or, when the weekly list cannot evaluate it, the child with every reason.</summary>
    /// <param name="child">The child.</param>
    public void Add(ChildCase child)
    {
        read++;
        ChildEvaluation evaluation = evaluator.EvaluateChild(child, asOf);
        if (!evaluation.Evaluated)
        {
            notEvaluated.Add(evaluation);
            return;
        }

        AddItems(child);
    }

    /// <summary>
    /// Adds one child the weekly list has already evaluated as of this builder's date, under the same policy and
    /// calendar (a child an <see cref="ICaseloadSink.Evaluated"/> receives), without evaluating it a second time: its
    /// items, as <see cref="Add"/> gives them.
    /// </summary>
    /// <remarks>For a job that builds the worklist in the same pass as the weekly flag list. The record's validity is
    /// still checked (the allocation-free check, no findings built); a record that fails it goes through <see cref="Add"/>,
    /// so it is reported with every reason, never half-evaluated. Rules as <see cref="Worklist"/>.</remarks>
    /// <param name="child">The child, evaluated by the weekly list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="child"/> is null.</exception>
    public void AddEvaluated(ChildCase child)
    {
        Preconditions.CheckNotNull(child, nameof(child));
        if (!evaluator.Validator.IsValid(child))
        {
            Add(child);
            return;
        }

        read++;
        AddItems(child);
    }

    private void AddItems(ChildCase child)
    {
        string? iro = Worklist.IroOn(child, asOf);
        int before = items.Count;
        try
        {
            ReviewWorklist.Add(new ChildView(child, asOf), run, iro, items);
        }
        catch (ArgumentException e)
        {
            // The weekly list evaluated this child, so this is not expected; if it happens, the child is reported, whole.
            items.RemoveRange(before, items.Count - before);
            string message = e.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            notEvaluated.Add(new ChildEvaluation(child.Id, Array.Empty<CaseloadFlag>(), new[]
            {
                new Rejection(e is ArgumentOutOfRangeException ? "IN-OUT-OF-RANGE" : "IN-INCONSISTENT", e.ParamName ?? string.Empty, DateFormat.Iso(asOf),
                    $"child {child.Id}: as of {DateFormat.Iso(asOf)}, {message}"),
            }));
        }
    }

    /// <summary>Sorts in <see cref="Worklist.Order"/>: by an integer key (the IRO's rank, ordinal with none last, the due
    /// date's day number, and the item's place in the input), then each run of equal IRO and due date that is not
    /// already in the full order (child, kind, review number) by that order. Items come in the caseload's order, which
    /// for a return sorted by CHILD is already the order within a run, so most runs are only checked. False, with
    /// nothing done, when a due date is not in the ISO calendar or the keys do not fit.</summary>
    private static bool SortByKey(WorklistItem[] sorted)
    {
        var names = new List<string>();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        int firstDay = int.MaxValue, lastDay = int.MinValue;
        foreach (WorklistItem item in sorted)
        {
            if (item.DueDate.Calendar != CalendarSystem.Iso)
            {
                return false;
            }

            int day = ChildCase.DayNumber(item.DueDate);
            firstDay = Math.Min(firstDay, day);
            lastDay = Math.Max(lastDay, day);
            if (item.Iro is string iro && rank.TryAdd(iro, 0))
            {
                names.Add(iro);
            }
        }

        const int DayBits = 20, IroBits = 11;
        if (sorted.Length == 0 || names.Count >= (1 << IroBits) || (long)lastDay - firstDay >= 1 << DayBits)
        {
            return false;
        }

        names.Sort(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            rank[names[i]] = i;
        }

        var keys = new long[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            long iroRank = sorted[i].Iro is string iro ? rank[iro] : names.Count;
            keys[i] = (((iroRank << DayBits) | (long)(ChildCase.DayNumber(sorted[i].DueDate) - firstDay)) << 32) | (uint)i;
        }

        Array.Sort(keys, sorted);
        for (int from = 0, to; from < sorted.Length; from = to)
        {
            to = from + 1;
            bool inOrder = true;
            while (to < sorted.Length && keys[to] >> 32 == keys[from] >> 32)
            {
                inOrder &= Worklist.Order.Compare(sorted[to - 1], sorted[to]) <= 0;
                to++;
            }

            if (!inOrder)
            {
                Array.Sort(sorted, from, to - from, Worklist.Order);
            }
        }

        return true;
    }

    /// <summary>The worklist of the children added so far, sorted.</summary>
    /// <returns>The worklist.</returns>
    public Worklist Build()
    {
        WorklistItem[] sorted = items.ToArray();
        if (!SortByKey(sorted))
        {
            Array.Sort(sorted, Worklist.Order);
        }

        return new Worklist(asOf, horizonWeeks, Array.AsReadOnly(sorted), notEvaluated.ToArray(), read);
    }
}
