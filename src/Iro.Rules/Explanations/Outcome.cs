namespace Iro.Rules.Explanations;

/// <summary>What a finding says about its rule.</summary>
/// <remarks>Every <see cref="Finding"/> carries one, with its rule id (docs/rules.md) and citation.</remarks>
public enum Outcome
{
    /// <summary>The rule was met (for example a review held on time).</summary>
    Met = 0,

    /// <summary>The rule was not met (for example a review held late, or overdue).</summary>
    NotMet = 1,

    /// <summary>Not yet decidable: the deadline has not passed.</summary>
    Pending = 2,

    /// <summary>The rule does not apply (for example the period of care ended first, or an exemption applies).</summary>
    NotApplicable = 3,

    /// <summary>An explanation that judges nothing, such as how a deadline was counted.</summary>
    Information = 4,
}
