using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Calendars;
using Iro.Rules.Tests.Calendars;

namespace Iro.Rules.Tests.Regressions;

/// <summary>
/// Issue H, section 6: <see cref="BankHolidayCalendar.FromGovUkJson"/> changed a calendar silently (a missing or
/// mistyped year left whole years with no bank holidays), threw <see cref="InvalidOperationException"/> for bad text,
/// and let a duplicate key win. Every case here loaded, or threw something else, before the fix.
/// </summary>
public class GovUkJsonRegressions
{
    private const string EnglandAndWales = "england-and-wales";

    private static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static string Event(string date, string title, string notes = "") =>
        $$"""{ "title": "{{title}}", "date": "{{date}}", "notes": "{{notes}}", "bunting": true }""";

    // England and Wales as GOV.UK lists them.
    private static readonly string[] Year2023 =
    [
        Event("2023-01-02", "New Year’s Day", "Substitute day"), Event("2023-04-07", "Good Friday"), Event("2023-04-10", "Easter Monday"),
        Event("2023-05-01", "Early May bank holiday"), Event("2023-05-08", "Bank holiday for the coronation of King Charles III"),
        Event("2023-05-29", "Spring bank holiday"), Event("2023-08-28", "Summer bank holiday"), Event("2023-12-25", "Christmas Day"),
        Event("2023-12-26", "Boxing Day"),
    ];

    private static readonly string[] Year2024 =
    [
        Event("2024-01-01", "New Year’s Day"), Event("2024-03-29", "Good Friday"), Event("2024-04-01", "Easter Monday"),
        Event("2024-05-06", "Early May bank holiday"), Event("2024-05-27", "Spring bank holiday"), Event("2024-08-26", "Summer bank holiday"),
        Event("2024-12-25", "Christmas Day"), Event("2024-12-26", "Boxing Day"),
    ];

    private static readonly string[] Year2025 =
    [
        Event("2025-01-01", "New Year’s Day"), Event("2025-04-18", "Good Friday"), Event("2025-04-21", "Easter Monday"),
        Event("2025-05-05", "Early May bank holiday"), Event("2025-05-26", "Spring bank holiday"), Event("2025-08-25", "Summer bank holiday"),
        Event("2025-12-25", "Christmas Day"), Event("2025-12-26", "Boxing Day"),
    ];

    private static string Division(IEnumerable<string> events) =>
        $$"""{ "division": "england-and-wales", "events": [ {{string.Join(", ", events)}} ] }""";

    private static string File(params string[][] years) =>
        $$"""{ "england-and-wales": {{Division(years.SelectMany(y => y))}} }""";

    private static InvalidDataException Refused(string json, UkJurisdiction j = UkJurisdiction.EnglandAndWales) =>
        Refused(Encoding.UTF8.GetBytes(json), j);

    private static InvalidDataException Refused(byte[] bytes, UkJurisdiction j = UkJurisdiction.EnglandAndWales)
    {
        var e = Assert.Throws<InvalidDataException>(() => BankHolidayCalendar.FromGovUkJson(new MemoryStream(bytes), j));
        Assert.StartsWith("GOV.UK bank-holiday file (", e.Message, StringComparison.Ordinal);
        return e;
    }

    private static void AssertContains(Exception e, params string[] fragments)
    {
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheThreeYears_Load()
    {
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(File(Year2023, Year2024, Year2025)), UkJurisdiction.EnglandAndWales);
        Assert.Equal(BankHolidayCalendar.EnglandAndWales.All, calendar.All);
    }

    [Fact]
    public void MissingMiddleYear_IsRefused_NamingTheDivisionAndTheYear()
    {
        // Before: loaded, and every day of 2024 (Christmas Day included) was a working day.
        var e = Refused(File(Year2023, Year2025));
        AssertContains(e, "division 'england-and-wales'", "2024", "no events");
    }

    [Fact]
    public void MistypedYear_IsRefused_NamingTheStrayYear()
    {
        // 2014-01-01 typed for 2024-01-01: before, 2014-2024 were taken from the file, 2014 with one holiday and
        // 2015-2023 with none.
        string json = File(Year2023, Year2024, Year2025).Replace("\"2024-01-01\"", "\"2014-01-01\"", StringComparison.Ordinal);
        var e = Refused(json);
        AssertContains(e, "division 'england-and-wales'", "year 2014", "1 event", "2014-04-18", "Good Friday");

        // The same mistake at the other end of the range.
        string late = File(Year2023, Year2024, Year2025).Replace("\"2025-12-26\"", "\"2052-12-26\"", StringComparison.Ordinal);
        AssertContains(Refused(late), "year 2052");
    }

    [Fact]
    public void AYearWithoutChristmas_IsRefused()
    {
        string json = File(Year2023, Year2024.Where(e => !e.Contains("Christmas", StringComparison.Ordinal)).ToArray(), Year2025);
        AssertContains(Refused(json), "year 2024", "2024-12-25");
    }

    [Fact]
    public void AYearWithADayDeleted_IsRefused()
    {
        string json = File(Year2023, Year2024, Year2025.Where(e => !e.Contains("Easter Monday", StringComparison.Ordinal)).ToArray());
        AssertContains(Refused(json), "year 2025", "7 events", "England and Wales has 8-12 bank holidays in 2025");
    }

    [Theory]
    [InlineData(UkJurisdiction.EnglandAndWales)]
    [InlineData(UkJurisdiction.Scotland)]
    [InlineData(UkJurisdiction.NorthernIreland)]
    public void EveryYearOfTheRules_1971To2100_PassesTheCheck(UkJurisdiction j)
    {
        // The reading of "a year of bank holidays" must accept every year the rules give, one-offs included (1971-1973
        // without New Year's Day outside Scotland, Scotland's Christmas before Boxing Day became a holiday in 1974).
        BankHolidayCalendar rules = BankHolidayCalendar.FromRules(j);
        string key = j switch
        {
            UkJurisdiction.EnglandAndWales => EnglandAndWales,
            UkJurisdiction.Scotland => "scotland",
            _ => "northern-ireland",
        };
        var events = rules.All.Select(h => Event(h.Date.ToString("uuuu-MM-dd", null), h.Name));
        string json = $$"""{ "{{key}}": { "events": [ {{string.Join(", ", events)}} ] } }""";
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(json), j);
        Assert.Equal(rules.All.Select(h => h.Date), calendar.All.Select(h => h.Date));
    }

    [Fact]
    public void InvalidUtf8_IsRefused_NamingTheBytePosition()
    {
        // Before: InvalidOperationException from reading the title.
        byte[] good = Encoding.UTF8.GetBytes(File(Year2023, Year2024, Year2025));
        int at = IndexOf(good, "Good Friday") + 2;
        byte[] bad = (byte[])good.Clone();
        bad[at] = 0xFF;
        AssertContains(Refused(bad), "not valid UTF-8", $"byte {at.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "0xFF");

        // A truncated multi-byte sequence (the first two bytes of the typographic apostrophe), in a string never read.
        byte[] head = Encoding.UTF8.GetBytes("""{ "scotland": { "division": "X""");
        byte[] truncated = [.. head, 0xE2, 0x80, .. Encoding.UTF8.GetBytes("\", \"events\": [] } }")];
        AssertContains(Refused(truncated, UkJurisdiction.Scotland), "not valid UTF-8", $"byte {head.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public void UnpairedSurrogateEscape_IsRefused()
    {
        // Before: InvalidOperationException ("Cannot read invalid UTF-16 JSON text as string").
        string json = File(Year2023, Year2024, Year2025).Replace("\"title\": \"Good Friday\", \"date\": \"2024-03-29\"", "\"title\": \"Good \\ud800Friday\", \"date\": \"2024-03-29\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", json, StringComparison.Ordinal);
        AssertContains(Refused(json), "england-and-wales.events[10].title", "\\ud800", "surrogate");

        // A low surrogate alone, and a high one followed by something else, in a property name.
        AssertContains(Refused("""{ "england-and-wales": { "\udc00": 1, "events": [] } }"""), "\\udc00");
        AssertContains(Refused("""{ "\ud83d\u0041": 1 }"""), "\\ud83d");
    }

    [Fact]
    public void APairedSurrogateEscape_IsText()
    {
        string json = File(Year2023, Year2024, Year2025).Replace("\"Boxing Day\", \"date\": \"2025-12-26\"", "\"Boxing Day \\ud83c\\udf84\", \"date\": \"2025-12-26\"", StringComparison.Ordinal);
        var calendar = BankHolidayCalendar.FromGovUkJson(Json(json), UkJurisdiction.EnglandAndWales);
        Assert.Equal("Boxing Day \U0001F384", calendar.Find(new LocalDate(2025, 12, 26))!.Name);
    }

    [Fact]
    public void DuplicateDivision_IsRefused()
    {
        // Before: the second division won and 2023-2024 silently came from the rules.
        string json = $$"""{ "england-and-wales": {{Division(Year2023.Concat(Year2024))}}, "england-and-wales": {{Division(Year2025)}} }""";
        AssertContains(Refused(json), "key \"england-and-wales\" appears twice", "at the top level");
    }

    [Fact]
    public void DuplicateEvents_IsRefused()
    {
        string json = $$"""{ "england-and-wales": { "division": "england-and-wales", "events": [ {{string.Join(", ", Year2023)}} ], "events": [ {{string.Join(", ", Year2025)}} ] } }""";
        AssertContains(Refused(json), "key \"events\" appears twice", "in england-and-wales");
    }

    [Fact]
    public void DuplicateKeyWithinAnEvent_IsRefused()
    {
        string json = File(Year2023, Year2024, Year2025).Replace("\"date\": \"2024-12-25\"", "\"date\": \"2024-12-25\", \"date\": \"2024-12-27\"", StringComparison.Ordinal);
        AssertContains(Refused(json), "key \"date\" appears twice", "in england-and-wales.events[15]");

        // Keys are compared after unescaping: "d\u0061te" is "date".
        string escaped = File(Year2023, Year2024, Year2025).Replace("\"date\": \"2024-12-25\"", "\"date\": \"2024-12-25\", \"d\\u0061te\": \"2024-12-27\"", StringComparison.Ordinal);
        AssertContains(Refused(escaped), "key \"date\" appears twice");
    }

    [Fact]
    public void DuplicateKeyInAnotherDivision_IsRefusedToo()
    {
        string json = $$"""{ "scotland": { "events": [], "events": [] }, "england-and-wales": {{Division(Year2025)}} }""";
        AssertContains(Refused(json), "key \"events\" appears twice", "in scotland");
    }

    [Fact]
    public void AByteOrderMark_IsAllowed()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(File(Year2025))];
        var calendar = BankHolidayCalendar.FromGovUkJson(new MemoryStream(bytes), UkJurisdiction.EnglandAndWales);
        Assert.True(calendar.IsBankHoliday(new LocalDate(2025, 12, 25)));
    }

    /// <summary>Removing any one event from the embedded GOV.UK feed is refused, or changes that date and no other.</summary>
    [Property(MaxTest = 200)]
    public Property RemovingOneEvent_IsRefusedOrChangesOnlyThatDate() =>
        Prop.ForAll(
            (from j in CalendarArbitraries.Jurisdiction().Generator
             from index in Gen.Choose(0, EventCount(j) - 1)
             select (j, index)).ToArbitrary(),
            pick =>
            {
                (UkJurisdiction j, int index) = pick;
                JsonObject root = JsonNode.Parse(FeedText)!.AsObject();
                JsonArray events = root[GovUkKey(j)]!["events"]!.AsArray();
                LocalDate removed = Dates.Parse(events[index]!["date"]!.GetValue<string>());
                events.RemoveAt(index);

                BankHolidayCalendar calendar;
                try
                {
                    calendar = BankHolidayCalendar.FromGovUkJson(Json(root.ToJsonString()), j);
                }
                catch (InvalidDataException e)
                {
                    return e.Message.Contains(removed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Label($"refused without naming {removed.Year}: {e.Message}");
                }

                BankHolidayCalendar original = Original[(int)j];
                var expected = original.All.Where(h => h.Date != removed).ToList();
                return expected.SequenceEqual(calendar.All).Label($"removing {removed} changed other dates");
            });

    private static readonly string FeedText = ReadFeed();

    private static readonly BankHolidayCalendar[] Original =
    [
        BankHolidayCalendar.FromGovUkJson(Json(FeedText), UkJurisdiction.EnglandAndWales),
        BankHolidayCalendar.FromGovUkJson(Json(FeedText), UkJurisdiction.Scotland),
        BankHolidayCalendar.FromGovUkJson(Json(FeedText), UkJurisdiction.NorthernIreland),
    ];

    private static string GovUkKey(UkJurisdiction j) => j switch
    {
        UkJurisdiction.EnglandAndWales => EnglandAndWales,
        UkJurisdiction.Scotland => "scotland",
        _ => "northern-ireland",
    };

    private static int EventCount(UkJurisdiction j) => JsonNode.Parse(FeedText)![GovUkKey(j)]!["events"]!.AsArray().Count;

    private static string ReadFeed()
    {
        using var stream = GovUkJsonTests.Embedded("govuk-bank-holidays.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int IndexOf(byte[] bytes, string text)
    {
        byte[] needle = Encoding.UTF8.GetBytes(text);
        for (int i = 0; i + needle.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException(text);
    }
}
