namespace Iro.Rules.Timescales;

/// <summary>When a person born on 29 February attains an age in a year that has no 29 February.</summary>
/// <remarks>
/// docs/rules.md AGE-1a; citation: Family Law Reform Act 1969 s9(1). No English statute or binding decision settles the point. The library default is
/// <see cref="March1"/>: the person has not completed the year until 28 February has fully ended.
/// </remarks>
public enum LeapDayBirthday
{
    /// <summary>1 March (the library default): a full year has not passed until 28 February has ended.</summary>
    March1 = 0,

    /// <summary>28 February: the month-end analogy of <i>Dodds v Walker</i>, and what <c>AddYears</c> returns.</summary>
    February28 = 1,
}
