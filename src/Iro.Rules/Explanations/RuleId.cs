using System;

namespace Iro.Rules.Explanations;

/// <summary>The stable identifier of a rule in the Iro.Rules domain reference, such as <c>CAL-3</c>.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Identifiers are the rule ids of the domain reference (RULES.md) and never change
/// meaning once published; a rule whose behaviour changes keeps its id and the change is listed in CHANGELOG.md.</para>
/// </remarks>
public readonly record struct RuleId
{
    /// <summary>CAL-1: what counts as a working day (CPPCR 2010 reg 2(1)).</summary>
    public static RuleId WorkingDay { get; } = new("CAL-1");

    /// <summary>CAL-2: UK bank holidays (Banking and Financial Dealings Act 1971 s1 and Schedule 1).</summary>
    public static RuleId BankHolidays { get; } = new("CAL-2");

    /// <summary>CAL-3: counting "within N working days of" an event; the event day is day 0.</summary>
    public static RuleId WorkingDayCount { get; } = new("CAL-3");

    /// <summary>Creates a rule id from its text, for example <c>"CAL-3"</c>.</summary>
    /// <param name="value">The rule id; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public RuleId(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A rule id must not be empty.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The rule id text, for example <c>CAL-3</c>.</summary>
    public string Value { get; }

    /// <summary>Returns the rule id text.</summary>
    /// <returns>The rule id, for example <c>CAL-3</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
