namespace Iro.Rules.Participation;

/// <summary>What happened at a review, as recorded: the facts a participation code is derived from (PAR-1).</summary>
/// <remarks>Immutable. The derivation is total: every combination gives exactly one code (see <see cref="ParticipationCodes.Derive"/>).</remarks>
/// <param name="Attended">Whether the child attended the review (any meeting of it).</param>
/// <param name="SpokeForThemselves">Whether the child spoke for themselves.</param>
/// <param name="ThroughAdvocate">Whether an advocate spoke for the child (at the review, or briefed by the child beforehand if absent).</param>
/// <param name="ConveyedNonVerbally">Whether the child, attending, conveyed their view symbolically or non-verbally.</param>
/// <param name="ViewsConveyedAnotherWay">Whether the child, absent, conveyed their views by another method (written form, recording, consultation booklet).</param>
public readonly record struct ParticipationFacts(
    bool Attended,
    bool SpokeForThemselves = false,
    bool ThroughAdvocate = false,
    bool ConveyedNonVerbally = false,
    bool ViewsConveyedAnotherWay = false);
