using System.IO;
using System.Text;
using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2: loading a GOV.UK bank-holidays.json file over the built-in calendar.</summary>
public class GovUkJsonTests
{
    internal static Stream Embedded(string file) =>
        typeof(BankHolidayCalendar).Assembly.GetManifestResourceStream("Iro.Rules.Data." + file)
        ?? throw new InvalidOperationException(file);

    private static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static string Event(string date, string title = "Test day", string notes = "") =>
        $$"""{ "title": "{{title}}", "date": "{{date}}", "notes": "{{notes}}", "bunting": true }""";

    private static string File(string division, params string[] events) =>
        $$"""{ "{{division}}": { "division": "{{division}}", "events": [ {{string.Join(", ", events)}} ] } }""";

    [Fact]
    public void FromGovUkJson_CurrentFeed_HasScotlandsWorldCupDay()
    {
        using var stream = Embedded("govuk-bank-holidays.json");
        var calendar = BankHolidayCalendar.FromGovUkJson(stream, UkJurisdiction.Scotland);
        var day = calendar.Find(new LocalDate(2026, 6, 15));
        Assert.NotNull(day);
        Assert.Equal("World Cup bank holiday", day.Name);
        Assert.Equal(BankHolidaySource.GovUkFeed, day.Source);
    }

    [Fact]
    public void FromGovUkJson_FileIsTheTruthForItsYears_EvenWhenItLacksADay()
    {
        // The 2012-2028 archive was saved before 15 June 2026 was proclaimed: for the years it covers, it wins.
        using var stream = Embedded("govuk-bank-holidays-archive-2012-2028.json");
        var calendar = BankHolidayCalendar.FromGovUkJson(stream, UkJurisdiction.Scotland);
        Assert.False(calendar.IsBankHoliday(new LocalDate(2026, 6, 15)));
        Assert.True(BankHolidayCalendar.Scotland.IsBankHoliday(new LocalDate(2026, 6, 15)));
        Assert.Equal(9, calendar.InYear(2026).Count);
    }

    /// <summary>A year's events as the rules give them, as GOV.UK would list them (the name without the substitute suffix).</summary>
    private static IEnumerable<string> RulesYear(UkJurisdiction j, int year) =>
        BankHolidayCalendar.FromRules(j).InYear(year).Select(h => Event(
            h.Date.ToString("uuuu-MM-dd", null),
            h.IsSubstitute ? h.Name[..^BankHoliday.SubstituteSuffix.Length] : h.Name,
            h.IsSubstitute ? "Substitute day" : ""));

    [Fact]
    public void FromGovUkJson_NewYear_ReplacesTheRulesForThatYearOnly()
    {
        // 2031 as the rules give it, with the Early May bank holiday (5 May) moved to an imaginary jubilee on 16 June.
        var events = RulesYear(UkJurisdiction.EnglandAndWales, 2031).Where(e => !e.Contains("2031-05-05", StringComparison.Ordinal))
            .Append(Event("2031-06-16", "Imaginary jubilee"))
            .ToArray();
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(File("england-and-wales", events)), UkJurisdiction.EnglandAndWales);

        Assert.Equal(
            new[] { "2031-01-01", "2031-04-11", "2031-04-14", "2031-05-26", "2031-06-16", "2031-08-25", "2031-12-25", "2031-12-26" },
            calendar.InYear(2031).Select(h => h.Date.ToString("uuuu-MM-dd", null)));
        Assert.All(calendar.InYear(2031), h => Assert.Equal(BankHolidaySource.GovUkFeed, h.Source));
        Assert.False(calendar.IsBankHoliday(new LocalDate(2031, 5, 5))); // Early May by rule, not in the file
        Assert.Equal(BankHolidayCalendar.EnglandAndWales.InYear(2030), calendar.InYear(2030)); // other years untouched
        Assert.True(BankHolidayCalendar.EnglandAndWales.IsBankHoliday(new LocalDate(2031, 5, 5))); // built-in unchanged
    }

    [Fact]
    public void FromGovUkJson_SubstituteNote_MarksTheDay()
    {
        // 2032: Christmas Day is a Saturday; GOV.UK lists Monday 27th and Tuesday 28th with notes "Substitute day".
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(File("england-and-wales", RulesYear(UkJurisdiction.EnglandAndWales, 2032).ToArray())), UkJurisdiction.EnglandAndWales);
        BankHoliday boxing = calendar.Find(new LocalDate(2032, 12, 28))!;
        Assert.Equal("Boxing Day (substitute day)", boxing.Name);
        Assert.True(boxing.IsSubstitute);
        Assert.Equal(BankHolidaySource.GovUkFeed, boxing.Source);
    }

    [Fact]
    public void FromGovUkJson_OtherDivisionsMayBeAbsent()
    {
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(File("northern-ireland", RulesYear(UkJurisdiction.NorthernIreland, 2030).ToArray())), UkJurisdiction.NorthernIreland);
        Assert.Equal(BankHolidayCalendar.NorthernIreland.InYear(2030).Select(h => h.Date), calendar.InYear(2030).Select(h => h.Date));
        Assert.Equal(BankHolidaySource.GovUkFeed, calendar.Find(new LocalDate(2030, 3, 18))!.Source);
    }

    [Fact]
    public void FromGovUkJson_EmptyDivision_ChangesNothing()
    {
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(File("scotland")), UkJurisdiction.Scotland);
        Assert.Equal(BankHolidayCalendar.Scotland.All, calendar.All);
    }

    public static readonly TheoryData<string, UkJurisdiction, string[]> BadFiles = new()
    {
        { "{ \"england-and-wales\": ", UkJurisdiction.EnglandAndWales, new[] { "england-and-wales", "not valid JSON" } },
        { "[1, 2, 3]", UkJurisdiction.Scotland, new[] { "scotland", "top level is a JSON array" } },
        { File("england-and-wales", Event("2025-01-01")), UkJurisdiction.Scotland, new[] { "division 'scotland'", "is missing" } },
        { "{ \"scotland\": { \"events\": 3 } }", UkJurisdiction.Scotland, new[] { "scotland", "no \"events\" array" } },
        { File("scotland", Event("2025-01-01"), Event("2025-02-30", "Bad day")), UkJurisdiction.Scotland, new[] { "division 'scotland'", "event 1 ('Bad day')", "'2025-02-30'" } },
        { File("scotland", Event("01/01/2025")), UkJurisdiction.Scotland, new[] { "event 0", "'01/01/2025'" } },
        { File("scotland", Event("2025-01-01", "New Year"), Event("2025-01-01", "Again")), UkJurisdiction.Scotland, new[] { "event 1 ('Again')", "'2025-01-01' is listed twice", "event 0" } },
        { File("northern-ireland", "{ \"date\": \"2025-01-01\" }"), UkJurisdiction.NorthernIreland, new[] { "northern-ireland", "event 0", "\"title\" is missing" } },
        { File("northern-ireland", "{ \"title\": \"X\", \"date\": 20250101 }"), UkJurisdiction.NorthernIreland, new[] { "event 0 ('X')", "\"date\" is a JSON number (20250101)" } },
        { File("england-and-wales", Event("1969-12-25")), UkJurisdiction.EnglandAndWales, new[] { "'1969-12-25'", "1971-2100" } },
        { File("england-and-wales", "7"), UkJurisdiction.EnglandAndWales, new[] { "event 0", "JSON number" } },
        { File("england-and-wales", Event("2030-06-01", "X")), UkJurisdiction.EnglandAndWales, new[] { "event 0 ('X')", "'2030-06-01' is a Saturday" } },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void FromGovUkJson_BadFile_ThrowsInvalidDataNamingDivisionEventAndValue(string json, UkJurisdiction j, string[] fragments)
    {
        var e = Assert.Throws<InvalidDataException>(() => BankHolidayCalendar.FromGovUkJson(Json(json), j));
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        }

        // A failed load never changes the built-in calendar.
        Assert.True(BankHolidayCalendar.For(j).IsBankHoliday(new LocalDate(2025, 12, 25)));
    }

    [Fact]
    public void FromGovUkJson_MalformedJson_KeepsTheInnerException()
    {
        var e = Assert.Throws<InvalidDataException>(() => BankHolidayCalendar.FromGovUkJson(Json("{ nope"), UkJurisdiction.Scotland));
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
    }

    [Fact]
    public void FromGovUkJson_BadDate_KeepsTheInnerException()
    {
        var e = Assert.Throws<InvalidDataException>(() => BankHolidayCalendar.FromGovUkJson(Json(File("scotland", Event("2025-13-01"))), UkJurisdiction.Scotland));
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void FromGovUkJson_NullStream_ThrowsArgumentNull()
    {
        var e = Assert.Throws<ArgumentNullException>(() => BankHolidayCalendar.FromGovUkJson(null!, UkJurisdiction.Scotland));
        Assert.Equal("json", e.ParamName);
    }

    [Fact]
    public void FromGovUkJson_UndefinedJurisdiction_ThrowsOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayCalendar.FromGovUkJson(Json("{}"), (UkJurisdiction)(-1)));
        Assert.Equal("jurisdiction", e.ParamName);
    }
}
