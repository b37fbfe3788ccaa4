namespace Iro.Rules.Calendars;

/// <summary>A part of the United Kingdom with its own list of bank holidays.</summary>
/// <remarks>
/// <para>Rule CAL-2. The Banking and Financial Dealings Act 1971 Schedule 1 lists separate days for these three parts,
/// and GOV.UK publishes them as three "divisions" (<c>england-and-wales</c>, <c>scotland</c>, <c>northern-ireland</c>).</para>
/// <para>The union of all three (docs/rules.md CAL-1a <c>AnyUkPart</c>) is <c>BankHolidayCalendar.AnyUkPart</c> and
/// <c>WorkingDayCalendar.AnyUkPart</c>.</para>
/// </remarks>
public enum UkJurisdiction
{
    /// <summary>England and Wales: the default for the Care Planning, Placement and Case Review (England) Regulations 2010.</summary>
    EnglandAndWales = 0,

    /// <summary>Scotland: 2 January, first Monday in August, St Andrew's Day from 2007; no Easter Monday.</summary>
    Scotland = 1,

    /// <summary>Northern Ireland: St Patrick's Day (17 March) and the Battle of the Boyne (12 July) besides the England and Wales days.</summary>
    NorthernIreland = 2,
}
