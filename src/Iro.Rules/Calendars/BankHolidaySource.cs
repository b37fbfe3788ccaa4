namespace Iro.Rules.Calendars;

/// <summary>Where a non-working day in a calendar comes from.</summary>
/// <remarks>Rule CAL-2 (bank holidays) and CAL-1 (council closure days). Citation: Banking and Financial Dealings Act 1971 s1 and Schedule 1.</remarks>
public enum BankHolidaySource
{
    /// <summary>Listed in the Banking and Financial Dealings Act 1971 Schedule 1 (or the St Andrew's Day Bank Holiday (Scotland) Act 2007), including the Sunday substitutes the Schedule itself names.</summary>
    Statute = 0,

    /// <summary>Christmas Day or Good Friday in England and Wales or Northern Ireland: a common-law holiday, not a Schedule 1 day, but never a working day.</summary>
    CommonLaw = 1,

    /// <summary>Appointed by the royal proclamation made every year to the same pattern: New Year's Day and the Early May bank holiday outside Scotland, weekday substitutes for days falling on a Saturday, and so on.</summary>
    ProclamationPractice = 2,

    /// <summary>Moved or added by a one-off royal proclamation (jubilees, royal weddings, the 2022 state funeral, VE Day anniversaries, Scotland's 2026 World Cup day).</summary>
    OneOffProclamation = 3,

    /// <summary>Taken from a GOV.UK <c>bank-holidays.json</c> file: embedded in the library or loaded by the caller.</summary>
    GovUkFeed = 4,

    /// <summary>Computed by rule for a year no proclamation or GOV.UK feed covers yet: a projection that a future proclamation may change.</summary>
    Projected = 5,

    /// <summary>Supplied by the caller as its own source of record (for example a council's HR calendar).</summary>
    CallerSupplied = 6,

    /// <summary>A council's own closure day: not a bank holiday, and treating it as a non-working day departs from the statutory definition (docs/rules.md CAL-1).</summary>
    LocalClosureDay = 7,
}
