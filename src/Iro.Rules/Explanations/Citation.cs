using System;
using NodaTime;

namespace Iro.Rules.Explanations;

/// <summary>The legal or documentary source of a rule: an instrument, the provision in it, and where to read it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Instrument">The instrument or authority, for example "Banking and Financial Dealings Act 1971".</param>
/// <param name="Provision">The provision within it, for example "s1 and Schedule 1".</param>
/// <param name="Url">Where the current text can be read, when there is a stable public address.</param>
/// <param name="EffectiveFrom">The date from which the provision applies, when the rule depends on it.</param>
public sealed record Citation(string Instrument, string Provision, Uri? Url = null, LocalDate? EffectiveFrom = null)
{
    /// <summary>Returns the citation as one line, for example "Banking and Financial Dealings Act 1971, s1 and Schedule 1".</summary>
    /// <returns>The instrument and provision.</returns>
    public override string ToString() => Provision.Length == 0 ? Instrument : $"{Instrument}, {Provision}";
}
