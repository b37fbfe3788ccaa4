namespace Iro.Rules.Participation;

/// <summary>How a looked after child took part in a review: the SSDA903 participation code (PN0 to PN7).</summary>
/// <remarks>
/// Rule PAR-1. Source: DfE SSDA903 children looked after return guidance (reviews), validation rules 440/441.
/// Each review is reported with exactly one code. Meanings: <see cref="ParticipationCodes.Meaning"/>.
/// </remarks>
public enum ParticipationCode
{
    /// <summary>PN0: the child was under 4 years old at the date of the review.</summary>
    PN0 = 0,

    /// <summary>PN1: the child attended and spoke for themselves.</summary>
    PN1 = 1,

    /// <summary>PN2: the child attended, and an advocate spoke for them.</summary>
    PN2 = 2,

    /// <summary>PN3: the child attended and conveyed their view symbolically (non-verbally).</summary>
    PN3 = 3,

    /// <summary>PN4: the child attended but did not speak for themselves, convey their view symbolically or ask an advocate to speak for them.</summary>
    PN4 = 4,

    /// <summary>PN5: the child did not attend, but briefed an advocate to speak for them.</summary>
    PN5 = 5,

    /// <summary>PN6: the child did not attend, but conveyed their feelings by another method (for example a written form, a recording, a consultation booklet).</summary>
    PN6 = 6,

    /// <summary>PN7: the child did not attend, and their views were not conveyed.</summary>
    PN7 = 7,
}
