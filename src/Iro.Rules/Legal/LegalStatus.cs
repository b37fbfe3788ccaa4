namespace Iro.Rules.Legal;

/// <summary>The legal status of a looked after child's episode: the SSDA903 legal status (LS) code.</summary>
/// <remarks>Rule LEG-1. Source: DfE SSDA903 guidance (episodes), validation rule 144 (the valid list). Meanings: <see cref="LegalStatuses.Meaning(LegalStatus)"/>.</remarks>
public enum LegalStatus
{
    /// <summary>C1: interim care order (Children Act 1989 s38).</summary>
    C1,

    /// <summary>C2: full care order (s31).</summary>
    C2,

    /// <summary>D1: freeing order granted (historic; Adoption Act 1976 s18).</summary>
    D1,

    /// <summary>E1: placement order granted (Adoption and Children Act 2002 s21).</summary>
    E1,

    /// <summary>V2: single period of accommodation under s20.</summary>
    V2,

    /// <summary>V3: accommodated under an agreed series of short-term breaks, when individual episodes are recorded.</summary>
    V3,

    /// <summary>V4: accommodated under an agreed series of short-term breaks, when agreements are recorded.</summary>
    V4,

    /// <summary>L1: under police protection and in local authority accommodation (s46).</summary>
    L1,

    /// <summary>L2: emergency protection order (s44).</summary>
    L2,

    /// <summary>L3: under a child assessment order (s43) and in local authority accommodation.</summary>
    L3,

    /// <summary>J1: remanded to local authority accommodation or to youth detention accommodation.</summary>
    J1,

    /// <summary>J2: placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation.</summary>
    J2,

    /// <summary>J3: sentenced to a youth rehabilitation order with a residence or intensive fostering requirement.</summary>
    J3,
}

/// <summary>Why an SSDA903 episode began: the reason for new episode (RNE) code.</summary>
/// <remarks>Rule LEG-2. Source: DfE SSDA903 guidance (episodes), validation rule 143 (the valid list).</remarks>
public enum ReasonForNewEpisode
{
    /// <summary>S: started to be looked after (starts a new period of care; anchors REV-1).</summary>
    S,

    /// <summary>L: change of legal status only.</summary>
    L,

    /// <summary>P: change of placement and carer(s) only.</summary>
    P,

    /// <summary>T: change of placement (but same carer(s)) only.</summary>
    T,

    /// <summary>U: change of legal status and change of placement (but same carer(s)) at the same time.</summary>
    U,

    /// <summary>B: change of legal status and placement and carer(s) at the same time.</summary>
    B,
}
