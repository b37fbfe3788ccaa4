namespace Iro.Rules.Explanations;

/// <summary>An answer that explains itself: the rule applied, its citation, and a one-line reason.</summary>
/// <remarks>Immutable and thread-safe. Negative answers carry a finding too.</remarks>
/// <param name="Rule">The rule id from the domain reference, for example <c>CAL-3</c>.</param>
/// <param name="Citation">The source of the rule.</param>
/// <param name="Summary">One line a person can read, for example
/// "2025-05-20 is 20 working days after 2025-04-17, skipping Good Friday 2025-04-18, Easter Monday 2025-04-21 and Early May bank holiday 2025-05-05".</param>
public sealed record Finding(RuleId Rule, Citation Citation, string Summary)
{
    /// <summary>Returns the rule id and the summary, for example "CAL-3: 2025-02-03 is 20 working days after 2025-01-06, ...".</summary>
    /// <returns>The rule id, a colon and the summary.</returns>
    public override string ToString() => $"{Rule}: {Summary}";
}
