namespace Iro.Rules.Calendars;

/// <summary>GOV.UK's titles for the recurring bank holidays, so that the rule-built and feed-loaded calendars name days alike.</summary>
internal static class HolidayNames
{
    internal const string NewYearsDay = "New Year\u2019s Day";
    internal const string SecondJanuary = "2nd January";
    internal const string StPatricksDay = "St Patrick\u2019s Day";
    internal const string GoodFriday = "Good Friday";
    internal const string EasterMonday = "Easter Monday";
    internal const string EarlyMay = "Early May bank holiday";
    internal const string Spring = "Spring bank holiday";
    internal const string BattleOfTheBoyne = "Battle of the Boyne (Orangemen\u2019s Day)";
    internal const string Summer = "Summer bank holiday";
    internal const string StAndrewsDay = "St Andrew\u2019s Day";
    internal const string ChristmasDay = "Christmas Day";
    internal const string BoxingDay = "Boxing Day";
    internal const string LocalClosureDay = "Council closure day (not a bank holiday)";
    internal const string CallerSupplied = "Non-working day (caller's list)";
}
