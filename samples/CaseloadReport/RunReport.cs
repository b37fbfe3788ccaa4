using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;

namespace CaseloadReport;

/// <summary>How many flags one rule raised, with its title and citation.</summary>
internal sealed record RuleTally(RuleId Rule, int Count, string Citation)
{
    internal string Title => Rule.Title;
}

/// <summary>IRO-3 on the as-of date: each IRO's caseload against the range pro-rated by FTE, or not recorded.</summary>
/// <param name="AsOf">The date the caseloads are counted on (the flags' as-of date).</param>
/// <param name="Recorded">Whether the source records IRO allocations; when not, there is no table, only "not recorded in this source".</param>
/// <param name="RosterGiven">Whether a roster of FTEs was given (otherwise every IRO counts as 1.0 FTE).</param>
/// <param name="Iros">Each IRO with a child allocated, and each IRO on the roster, in identifier order.</param>
/// <param name="ChildrenWithoutIro">Children looked after on the date with no IRO allocated.</param>
/// <param name="Policy">The policy (the range's ends).</param>
internal sealed record IroCaseloadReport(NodaTime.LocalDate AsOf, bool Recorded, bool RosterGiven, IReadOnlyList<Iro.Rules.Escalation.IroCaseload> Iros, int ChildrenWithoutIro, Iro.Rules.LocalPolicy Policy)
{
    internal int Count(Iro.Rules.Escalation.CaseloadBand band) => Iros.Count(i => i.Assessment.Band == band);
}

/// <summary>Everything the outputs say about one run, so that the console, figures.json and report.html give the same numbers.</summary>
/// <param name="Options">The options.</param>
/// <param name="Input">The caseload read.</param>
/// <param name="Figures">The annual figures (over the children evaluated).</param>
/// <param name="Rules">Flags by rule, in the rules' natural order (REV-2 before REV-10).</param>
/// <param name="Flags">Flags written to flags.csv.</param>
/// <param name="ChildrenEvaluated">Children evaluated (0 or more flags each).</param>
/// <param name="NotEvaluated">Children not evaluated, with every reason: the reader's, then the evaluator's.</param>
/// <param name="IncompleteReasons">Why the run is incomplete; empty when complete.</param>
internal sealed record RunReport(
    JobOptions Options,
    CaseloadInput Input,
    CaseloadFigures Figures,
    IReadOnlyList<RuleTally> Rules,
    int Flags,
    int ChildrenEvaluated,
    IReadOnlyList<ChildEvaluation> NotEvaluated,
    IReadOnlyList<string> IncompleteReasons)
{
    internal bool Complete => IncompleteReasons.Count == 0;

    /// <summary>The IROs' worklist (worklist.csv, calendars/, a section of report.html), over the children evaluated.</summary>
    internal Worklist? Worklist { get; init; }

    /// <summary>IRO-3 on the as-of date.</summary>
    internal required IroCaseloadReport Caseloads { get; init; }

    /// <summary>IRO-3 on the reporting year's last day (the annual figures' caseloads).</summary>
    internal required IroCaseloadReport YearEndCaseloads { get; init; }

    internal int ChildrenNotEvaluated => NotEvaluated.Count;

    /// <summary>Children read = evaluated + not evaluated.</summary>
    internal int ChildrenRead => ChildrenEvaluated + ChildrenNotEvaluated;

    internal int RowsWithoutChild => Input.RowsWithoutChild.Count;

    /// <summary>Why the run is incomplete, if it is: no child evaluated, rows with no known child, or more than the
    /// allowed share of rows or children rejected.</summary>
    internal static IReadOnlyList<string> Assess(int childrenRead, int evaluated, int notEvaluated, RowCounts? rows, int rowsWithoutChild, double maxRejected)
    {
        var reasons = new List<string>();
        if (evaluated == 0)
        {
            reasons.Add(childrenRead == 0 ? "no child was read, so no child could be evaluated" : $"no child could be evaluated (all {N(childrenRead)} children read were rejected)");
        }

        if (rowsWithoutChild > 0)
        {
            reasons.Add($"{N(rowsWithoutChild)} {(rowsWithoutChild == 1 ? "row belongs" : "rows belong")} to no known child (CHILD blank or not among the return's children, or a rejected iro_roster.csv row; each is in not_evaluated.csv), so some child may have been evaluated without them");
        }

        if (rows is RowCounts r && r.Read > 0 && r.Rejected > maxRejected * r.Read)
        {
            reasons.Add($"{N(r.Rejected)} of {N(r.Read)} rows ({Pct(r.Rejected, r.Read)}) were rejected, more than --max-rejected {Pct(maxRejected)}");
        }

        if (childrenRead > 0 && evaluated > 0 && notEvaluated > maxRejected * childrenRead)
        {
            reasons.Add($"{N(notEvaluated)} of {N(childrenRead)} children ({Pct(notEvaluated, childrenRead)}) were not evaluated, more than --max-rejected {Pct(maxRejected)}");
        }

        return reasons;
    }

    /// <summary>Every reason a child was not evaluated, then every row with no known child, as not_evaluated.csv writes them.</summary>
    internal IEnumerable<(string ChildId, Rejection Reason)> Reasons()
    {
        foreach (ChildEvaluation child in NotEvaluated)
        {
            if (child.Rejections.Count == 0)
            {
                yield return (child.ChildId, new Rejection("NOT-EVALUATED", string.Empty, string.Empty, "not evaluated (no reason given)"));
            }

            foreach (Rejection reason in child.Rejections)
            {
                yield return (child.ChildId, reason);
            }
        }

        foreach (Rejection row in Input.RowsWithoutChild)
        {
            yield return (string.Empty, row);
        }
    }

    internal static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Pct(int part, int whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal static string Pct(double share) => (100.0 * share).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static IReadOnlyList<RuleTally> Sorted(IEnumerable<RuleTally> tallies) => tallies.OrderBy(static t => t.Rule).ToArray();
}
