using System;
using NodaTime;

namespace Iro.Rules.Explanations;

/// <summary>The legal or documentary source of a rule: an instrument, the provision in it, and when it was in force.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Instrument">The instrument or authority in full, for example "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)".</param>
/// <param name="Provision">The provision within it, for example "reg 33(1)".</param>
/// <param name="ShortForm">How explanations cite it, for example "CPPCR 2010 reg 33(1)".</param>
/// <param name="Url">Where the text can be read, when there is a stable public address.</param>
/// <param name="InForceFrom">The first day the provision applied, when the rule depends on it.</param>
/// <param name="InForceTo">The last day the provision applied, for a provision since revoked or replaced.</param>
public sealed record Citation(
    string Instrument,
    string Provision,
    string ShortForm,
    Uri? Url = null,
    LocalDate? InForceFrom = null,
    LocalDate? InForceTo = null)
{
    /// <summary>Whether the provision was in force on <paramref name="date"/> (an open end counts as in force).</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> if <paramref name="date"/> is within <see cref="InForceFrom"/>..<see cref="InForceTo"/>.</returns>
    public bool IsInForceOn(LocalDate date) =>
        (InForceFrom is not LocalDate from || date >= from) && (InForceTo is not LocalDate to || date <= to);

    /// <summary>Returns <see cref="ShortForm"/>.</summary>
    /// <returns>The short citation, for example "CPPCR 2010 reg 33(1)".</returns>
    public override string ToString() => ShortForm;
}
