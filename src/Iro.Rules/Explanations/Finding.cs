namespace Iro.Rules.Explanations;

/// <summary>An answer that explains itself: the rule applied, what it found, its citation, and a one-line reason.</summary>
/// <remarks>Immutable and thread-safe. Negative answers carry a finding too.</remarks>
/// <param name="Rule">The rule id from the domain reference, for example <c>REV-1</c>.</param>
/// <param name="Outcome">Met, not met, pending, not applicable, or information only.</param>
/// <param name="Citation">The source of the rule.</param>
/// <param name="Summary">One line a person can read, for example "Review 1 was due by 2025-02-03, 20 working days after
/// the child became looked after on 2025-01-06 (CPPCR 2010 reg 33(1)); it was held on 2025-02-04, 1 working day late."</param>
public sealed record Finding(RuleId Rule, Outcome Outcome, Citation Citation, string Summary)
{
    /// <summary>A stable machine-readable reason for the outcome, where the rule has one, for example
    /// <see cref="ReasonCodes.ExemptChildRefused"/> or <see cref="ReasonCodes.AdjournmentLimit"/>; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Returns the rule id and the summary, for example "REV-1: Review 1 was due by ...".</summary>
    /// <returns>The rule id, a colon and the summary.</returns>
    public override string ToString() => $"{Rule}: {Summary}";
}
