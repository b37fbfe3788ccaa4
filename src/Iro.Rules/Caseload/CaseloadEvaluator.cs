using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Iro.Rules.Calendars;
using Iro.Rules.Escalation;
using Iro.Rules.Internal;
using Iro.Rules.LeavingCare;
using Iro.Rules.Legal;
using Iro.Rules.Participation;
using Iro.Rules.Permanence;
using Iro.Rules.Reviews;
using Iro.Rules.Secure;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>One rule (or family) the weekly list runs: its ids, the public API whose findings its flags are, and the folder it lives in.</summary>
/// <remarks>Immutable. The table is <see cref="CaseloadEvaluator.Rules"/>; docs/weekly-list.md explains each rule's reading.</remarks>
/// <param name="Ids">The rule ids, for example REV-1, REV-2, REV-3, REV-9.</param>
/// <param name="Api">The public API whose findings the flags are.</param>
/// <param name="Folder">The domain folder (namespace) that implements it.</param>
public sealed record WeeklyRule(IReadOnlyList<Explanations.RuleId> Ids, string Api, string Folder);

/// <summary>Evaluates a caseload as of a date: the weekly flag list, child by child, streaming, optionally in parallel.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. The evaluator holds no rule logic: it validates each record (the gate), builds one
/// view of the child as known on the as-of date, and runs each rule of <see cref="Rules"/> over it; every flag is the
/// rule's own <see cref="Explanations.Finding"/>, the same as its public API gives (docs/weekly-list.md).</para>
/// <para>Rules: REV-1 to REV-3 and REV-9 (next review overdue or due soon), REV-6 (recommendations and minutes, when the
/// record tracks them), REV-10 (IRO visit, when recorded), PAR-1, LOC-1, LOC-2 to LOC-4, LC-5, LEG-1, SEC-2 to SEC-5,
/// DRP-1 and IRO-1 (no IRO allocated, when allocations are recorded). A child is evaluated whole or not at all: a record that fails <see cref="ChildCaseValidator"/> (with this
/// evaluator's policy), or for which a rule cannot be evaluated (a deadline after 2100-12-31), is reported as not
/// evaluated with every reason, and none of its flags are written: children in = evaluated + not evaluated.</para>
/// <para>Bulk work: <see cref="Evaluate(IEnumerable{ChildCase}, LocalDate, ICaseloadSink, int)"/> writes the flags and
/// the children not evaluated to a sink and allocates nothing per child on the common path apart from the flags;
/// <see cref="Evaluate(IEnumerable{ChildCase}, LocalDate, int)"/> returns one <see cref="ChildEvaluation"/> per child.
/// Both keep input order whatever the degree of parallelism.</para>
/// </remarks>
public sealed class CaseloadEvaluator
{
    private const int ChunkSize = 16_384;

    private delegate void RuleBody(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags);

    /// <summary>The loop: each weekly rule, in the order its flags are written for a child.</summary>
    private static readonly (WeeklyRule Rule, RuleBody Body)[] Table =
    [
        (new WeeklyRule(Ids("REV-1", "REV-2", "REV-3", "REV-9", "REV-10", "REV-6"), "ReviewSchedule.Evaluate (NextFinding, HeldReview.IroVisit, HeldReview.Record)", "Reviews"), ReviewWeekly.Evaluate),
        (new WeeklyRule(Ids("LOC-1"), "Section20.Assess", "Legal"), LegalWeekly.Section20Flag),
        (new WeeklyRule(Ids("LOC-2", "LOC-3", "LOC-4"), "PermanenceFlags.PlacementOrderDuration, AdoptionWait, PlacedWithoutApplication", "Permanence"), PermanenceWeekly.Evaluate),
        (new WeeklyRule(Ids("LC-5"), "CareLeavers.PathwayPlanInPlace", "LeavingCare"), LeavingCareWeekly.Evaluate),
        (new WeeklyRule(Ids("PAR-1"), "ParticipationCodes.ValidateRecorded", "Participation"), ParticipationWeekly.Evaluate),
        (new WeeklyRule(Ids("LEG-1"), "Episodes.DurationBreaches", "Legal"), LegalWeekly.DurationFlags),
        (new WeeklyRule(Ids("SEC-2", "SEC-3", "SEC-4", "SEC-5"), "SecureTimeLimit.Assess, SecureAccommodation.AssessOrder, SecureAccommodation.Reviews", "Secure"), SecureWeekly.Evaluate),
        (new WeeklyRule(Ids("DRP-1"), "DisputeResolution.Assess", "Escalation"), EscalationWeekly.Evaluate),
        (new WeeklyRule(Ids("IRO-1"), "IroChecks.AllocatedInTimeByDate, IroChecks.AppointedBeforeFirstReview", "Escalation"), IroWeekly.Evaluate),
    ];

    [ThreadStatic]
    private static List<CaseloadFlag>? scratch;

    private readonly WeeklyRun run;
    private readonly ChildCaseValidator validator;

    /// <summary>An evaluator.</summary>
    /// <param name="policy">The local policy; the default when null.</param>
    /// <param name="calendar">The working-day calendar; England and Wales when null. Its bank holidays are also SEC-3's public holidays.</param>
    /// <param name="dueSoonDays">How many days ahead a due date counts as due soon (default 14).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueSoonDays"/> is negative or over 366.</exception>
    public CaseloadEvaluator(LocalPolicy? policy = null, WorkingDayCalendar? calendar = null, int dueSoonDays = 14)
    {
        Preconditions.CheckRange(dueSoonDays, 0, 366, nameof(dueSoonDays));
        Policy = policy ?? LocalPolicy.Default;
        Calendar = calendar ?? WorkingDayCalendar.EnglandAndWales;
        DueSoonDays = dueSoonDays;
        run = new WeeklyRun(Policy, Calendar, dueSoonDays);
        validator = ReferenceEquals(Policy, LocalPolicy.Default) ? ChildCaseValidator.Instance : new ChildCaseValidator(Policy);
    }

    /// <summary>The rules the weekly list runs, in order: ids, the public API whose findings the flags are, and the folder.</summary>
    public static IReadOnlyList<WeeklyRule> Rules { get; } = Array.AsReadOnly(Table.Select(static t => t.Rule).ToArray());

    /// <summary>The local policy.</summary>
    public LocalPolicy Policy { get; }

    /// <summary>The gate: the validator for this evaluator's policy.</summary>
    internal ChildCaseValidator Validator => validator;

    /// <summary>The working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>Days ahead that count as due soon.</summary>
    public int DueSoonDays { get; }

    /// <summary>Evaluates children as they are read (the caseload is never held in memory), one <see cref="ChildEvaluation"/> per child, in input order.</summary>
    /// <param name="children">The children.</param>
    /// <param name="asOf">The date of the list, 1971-01-01 to 2100-12-31.</param>
    /// <param name="degreeOfParallelism">The number of threads (1, the default, evaluates on the caller's thread); results keep input order.</param>
    /// <returns>One evaluation per child, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="children"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> or <paramref name="degreeOfParallelism"/> is out of range.</exception>
    public IEnumerable<ChildEvaluation> Evaluate(IEnumerable<ChildCase> children, LocalDate asOf, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        CheckAsOf(asOf);
        Preconditions.CheckRange(degreeOfParallelism, 1, 512, nameof(degreeOfParallelism));
        return degreeOfParallelism == 1
            ? children.Select(c => EvaluateChild(c, asOf))
            : children.AsParallel().AsOrdered().WithDegreeOfParallelism(degreeOfParallelism).Select(c => EvaluateChild(c, asOf));
    }

    /// <summary>
    /// The bulk path: evaluates children as they are read and writes each flag, and each child not evaluated, to
    /// <paramref name="sink"/>, in input order. Allocates nothing per child on the common path apart from the flags.
    /// With more than one thread the children are read in chunks of 16,384, shared out, and written out in order, so
    /// memory stays flat.
    /// </summary>
    /// <param name="children">The children, streamed.</param>
    /// <param name="asOf">The date of the list, 1971-01-01 to 2100-12-31.</param>
    /// <param name="sink">Receives the flags and the children not evaluated, from one thread at a time.</param>
    /// <param name="degreeOfParallelism">The number of threads (1, the default, evaluates on the caller's thread).</param>
    /// <returns>The totals: read = evaluated + not evaluated.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> or <paramref name="degreeOfParallelism"/> is out of range.</exception>
    public CaseloadTotals Evaluate(IEnumerable<ChildCase> children, LocalDate asOf, ICaseloadSink sink, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(children, nameof(children));
        Preconditions.CheckNotNull(sink, nameof(sink));
        CheckAsOf(asOf);
        Preconditions.CheckRange(degreeOfParallelism, 1, 512, nameof(degreeOfParallelism));
        return degreeOfParallelism == 1 ? Sequential(children, asOf, sink) : Parallel(children, asOf, sink, degreeOfParallelism);
    }

    /// <summary>Evaluates one child.</summary>
    /// <param name="child">The child.</param>
    /// <param name="asOf">The date of the list, 1971-01-01 to 2100-12-31.</param>
    /// <returns>The evaluation: the flags, or every reason the child was not evaluated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is out of range.</exception>
    public ChildEvaluation EvaluateChild(ChildCase child, LocalDate asOf)
    {
        CheckAsOf(asOf);
        List<CaseloadFlag> found = scratch ??= new List<CaseloadFlag>();
        found.Clear();
        if (!TryEvaluate(child, asOf, found, out Rejection? failed))
        {
            return NotEvaluated(child, failed);
        }

        CaseloadFlag[] result = found.Count == 0 ? Array.Empty<CaseloadFlag>() : found.ToArray();
        found.Clear();
        return new ChildEvaluation(child.Id, result, Array.Empty<Rejection>());
    }

    private static Explanations.RuleId[] Ids(params string[] ids) => ids.Select(static id => new Explanations.RuleId(id)).ToArray();

    private static void CheckAsOf(LocalDate asOf) =>
        Preconditions.CheckDateRange(asOf, WorkingDayCalendar.MinDate, WorkingDayCalendar.MaxDate, nameof(asOf), "CAL-1");

    private CaseloadTotals Sequential(IEnumerable<ChildCase> children, LocalDate asOf, ICaseloadSink sink)
    {
        var buffer = new List<CaseloadFlag>(); // one per run, not the thread's scratch list: a sink may itself evaluate
        int read = 0, rejected = 0, written = 0;
        foreach (ChildCase child in children)
        {
            read++;
            buffer.Clear();
            if (TryEvaluate(child, asOf, buffer, out Rejection? failed))
            {
                for (int i = 0; i < buffer.Count; i++)
                {
                    sink.Flag(buffer[i]);
                }

                written += buffer.Count;
                sink.Evaluated(child);
            }
            else
            {
                rejected++;
                sink.NotEvaluated(NotEvaluated(child, failed));
            }
        }

        buffer.Clear();
        return new CaseloadTotals(read, read - rejected, rejected, written);
    }

    private CaseloadTotals Parallel(IEnumerable<ChildCase> children, LocalDate asOf, ICaseloadSink sink, int workers)
    {
        // Each chunk is cut into stripes, more than there are threads, so a thread that is held up does not hold up
        // the others; each stripe's results are kept apart and written out in stripe order.
        var chunk = new ChildCase[ChunkSize];
        var evaluated = new bool[ChunkSize];
        int stripes = workers * 8;
        var parts = new List<CaseloadFlag>[stripes];
        var rejectedParts = new List<ChildEvaluation>[stripes];
        for (int w = 0; w < stripes; w++)
        {
            parts[w] = new List<CaseloadFlag>();
            rejectedParts[w] = new List<ChildEvaluation>();
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        int read = 0, rejected = 0, written = 0;
        using IEnumerator<ChildCase> source = children.GetEnumerator();
        while (true)
        {
            int n = 0;
            while (n < chunk.Length && source.MoveNext())
            {
                chunk[n++] = source.Current;
            }

            if (n == 0)
            {
                break;
            }

            System.Threading.Tasks.Parallel.For(0, stripes, options, w =>
            {
                List<CaseloadFlag> buffer = scratch ??= new List<CaseloadFlag>();
                for (int i = n * w / stripes, to = n * (w + 1) / stripes; i < to; i++)
                {
                    buffer.Clear();
                    evaluated[i] = TryEvaluate(chunk[i], asOf, buffer, out Rejection? failed);
                    if (evaluated[i])
                    {
                        parts[w].AddRange(buffer);
                    }
                    else
                    {
                        rejectedParts[w].Add(NotEvaluated(chunk[i], failed));
                    }
                }

                buffer.Clear();
            });
            for (int w = 0; w < stripes; w++)
            {
                foreach (CaseloadFlag f in parts[w])
                {
                    sink.Flag(f);
                }

                foreach (ChildEvaluation e in rejectedParts[w])
                {
                    sink.NotEvaluated(e);
                }

                for (int i = n * w / stripes, to = n * (w + 1) / stripes; i < to; i++)
                {
                    if (evaluated[i])
                    {
                        sink.Evaluated(chunk[i]);
                    }
                }

                written += parts[w].Count;
                rejected += rejectedParts[w].Count;
                parts[w].Clear();
                rejectedParts[w].Clear();
            }

            read += n;
            Array.Clear(chunk, 0, n);
        }

        return new CaseloadTotals(read, read - rejected, rejected, written);
    }

    /// <summary>The gate, the view and the loop: writes the child's flags into <paramref name="flags"/>, or returns false with nothing written.</summary>
    private bool TryEvaluate(ChildCase? child, LocalDate asOf, List<CaseloadFlag> flags, out Rejection? failed)
    {
        failed = null;
        if (child is null || !validator.IsValid(child))
        {
            return false;
        }

        int before = flags.Count;
        try
        {
            var view = new ChildView(child, asOf);
            foreach ((WeeklyRule _, RuleBody body) in Table)
            {
                body(view, run, flags);
            }

            return true;
        }
        catch (ArgumentException e)
        {
            // A valid record a rule still cannot evaluate (IN-OUT-OF-RANGE: a deadline after 2100-12-31; IN-INCONSISTENT:
            // facts a rule rejects that the validator does not check): the child is not evaluated, whole.
            flags.RemoveRange(before, flags.Count - before);
            string message = e.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            failed = new Rejection(e is ArgumentOutOfRangeException ? "IN-OUT-OF-RANGE" : "IN-INCONSISTENT", e.ParamName ?? string.Empty, DateFormat.Iso(asOf),
                $"child {child.Id}: as of {DateFormat.Iso(asOf)}, {message}");
            return false;
        }
    }

    private ChildEvaluation NotEvaluated(ChildCase? child, Rejection? failed)
    {
        if (child is null)
        {
            return new ChildEvaluation(string.Empty, Array.Empty<CaseloadFlag>(), new[] { new Rejection("IN-NULL", "child", string.Empty, "child record is missing (null).") });
        }

        return new ChildEvaluation(child.Id, Array.Empty<CaseloadFlag>(), failed is null ? validator.Rejections(child) : new[] { failed });
    }
}
