using System.IO;
using System.Reflection;
using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2: the rules alone agree with GOV.UK's feed for every year the feed covers, except on the one-offs.</summary>
public class BankHolidayFeedAgreementTests
{
    /// <summary>Every date on which the rules without one-off proclamations differ from GOV.UK, 2012-2028, listed by hand.</summary>
    public static readonly TheoryData<UkJurisdiction, string> OneOffDates = new()
    {
        // 2012: Spring bank holiday moved from 28 May to 4 June; Diamond Jubilee 5 June.
        { UkJurisdiction.EnglandAndWales, "2012-05-28" }, { UkJurisdiction.EnglandAndWales, "2012-06-04" }, { UkJurisdiction.EnglandAndWales, "2012-06-05" },
        { UkJurisdiction.Scotland, "2012-05-28" }, { UkJurisdiction.Scotland, "2012-06-04" }, { UkJurisdiction.Scotland, "2012-06-05" },
        { UkJurisdiction.NorthernIreland, "2012-05-28" }, { UkJurisdiction.NorthernIreland, "2012-06-04" }, { UkJurisdiction.NorthernIreland, "2012-06-05" },
        // 2020: Early May bank holiday moved from 4 May to Friday 8 May (VE Day 75).
        { UkJurisdiction.EnglandAndWales, "2020-05-04" }, { UkJurisdiction.EnglandAndWales, "2020-05-08" },
        { UkJurisdiction.Scotland, "2020-05-04" }, { UkJurisdiction.Scotland, "2020-05-08" },
        { UkJurisdiction.NorthernIreland, "2020-05-04" }, { UkJurisdiction.NorthernIreland, "2020-05-08" },
        // 2022: Spring moved from 30 May to 2 June; Platinum Jubilee 3 June; state funeral 19 September.
        { UkJurisdiction.EnglandAndWales, "2022-05-30" }, { UkJurisdiction.EnglandAndWales, "2022-06-02" }, { UkJurisdiction.EnglandAndWales, "2022-06-03" }, { UkJurisdiction.EnglandAndWales, "2022-09-19" },
        { UkJurisdiction.Scotland, "2022-05-30" }, { UkJurisdiction.Scotland, "2022-06-02" }, { UkJurisdiction.Scotland, "2022-06-03" }, { UkJurisdiction.Scotland, "2022-09-19" },
        { UkJurisdiction.NorthernIreland, "2022-05-30" }, { UkJurisdiction.NorthernIreland, "2022-06-02" }, { UkJurisdiction.NorthernIreland, "2022-06-03" }, { UkJurisdiction.NorthernIreland, "2022-09-19" },
        // 2023: coronation, Monday 8 May.
        { UkJurisdiction.EnglandAndWales, "2023-05-08" }, { UkJurisdiction.Scotland, "2023-05-08" }, { UkJurisdiction.NorthernIreland, "2023-05-08" },
        // 2026: Scotland only, World Cup bank holiday, Monday 15 June.
        { UkJurisdiction.Scotland, "2026-06-15" },
    };

    [Theory]
    [InlineData(UkJurisdiction.EnglandAndWales)]
    [InlineData(UkJurisdiction.Scotland)]
    [InlineData(UkJurisdiction.NorthernIreland)]
    public void RulesWithoutOneOffs_DifferFromFeed_OnlyOnTheListedOneOffDates(UkJurisdiction jurisdiction)
    {
        var feed = FeedDates(jurisdiction);
        var rules = Enumerable.Range(2012, 17)
            .SelectMany(y => BankHolidayRules.Compute(y, jurisdiction, includeOneOffs: false))
            .Select(h => h.Date)
            .ToHashSet();

        var differences = feed.Keys.ToHashSet();
        differences.SymmetricExceptWith(rules);

        var expected = OneOffDates
            .Select(row => ((UkJurisdiction)row[0], (string)row[1]))
            .Where(row => row.Item1 == jurisdiction)
            .Select(row => Dates.Parse(row.Item2))
            .OrderBy(d => d)
            .ToList();
        Assert.Equal(expected, differences.OrderBy(d => d).ToList());
    }

    [Theory]
    [InlineData(UkJurisdiction.EnglandAndWales)]
    [InlineData(UkJurisdiction.Scotland)]
    [InlineData(UkJurisdiction.NorthernIreland)]
    public void RulesWithOneOffs_MatchFeed_DateForDate(UkJurisdiction jurisdiction)
    {
        var feed = FeedDates(jurisdiction).Keys.OrderBy(d => d).ToList();
        var rules = Enumerable.Range(2012, 17)
            .SelectMany(y => BankHolidayCalendar.FromRules(jurisdiction).InYear(y))
            .Select(h => h.Date)
            .ToList();
        Assert.Equal(feed, rules);
    }

    [Theory]
    [InlineData(UkJurisdiction.EnglandAndWales)]
    [InlineData(UkJurisdiction.Scotland)]
    [InlineData(UkJurisdiction.NorthernIreland)]
    public void RulesNames_MatchFeedTitles_ExceptOneOffsAndOldScottishNewYearNaming(UkJurisdiction jurisdiction)
    {
        var feed = FeedDates(jurisdiction);
        var oneOffs = OneOffDates.Select(r => ((UkJurisdiction)r[0], Dates.Parse((string)r[1]))).Where(r => r.Item1 == jurisdiction).Select(r => r.Item2).ToHashSet();
        if (jurisdiction == UkJurisdiction.Scotland)
        {
            // GOV.UK's older naming for a Sunday New Year's Day (2012, 2017): "2nd January" on the Monday and
            // "New Year's Day (substitute day)" on the Tuesday. Since 2023 it names them the other way round, as the rules do.
            oneOffs.UnionWith(new[] { "2012-01-02", "2012-01-03", "2017-01-02", "2017-01-03" }.Select(Dates.Parse));
        }

        var mismatches = Enumerable.Range(2012, 17)
            .SelectMany(y => BankHolidayRules.Compute(y, jurisdiction, includeOneOffs: false))
            .Where(h => !oneOffs.Contains(h.Date) && feed[h.Date] != h.Name)
            .Select(h => $"{h.Date:uuuu-MM-dd}: rules '{h.Name}', feed '{feed[h.Date]}'")
            .ToList();
        Assert.Empty(mismatches);
    }

    /// <summary>Reads the two embedded GOV.UK files as the test's own oracle: archive for 2012-2018, current feed for 2019-2028.</summary>
    private static Dictionary<LocalDate, string> FeedDates(UkJurisdiction jurisdiction)
    {
        var result = new Dictionary<LocalDate, string>();
        foreach (var (resource, from, to) in new[]
                 {
                     ("Iro.Rules.Data.govuk-bank-holidays-archive-2012-2028.json", 2012, 2018),
                     ("Iro.Rules.Data.govuk-bank-holidays.json", 2019, 2028),
                 })
        {
            using Stream stream = typeof(BankHolidayCalendar).Assembly.GetManifestResourceStream(resource)!;
            using var doc = System.Text.Json.JsonDocument.Parse(stream);
            string key = jurisdiction switch
            {
                UkJurisdiction.EnglandAndWales => "england-and-wales",
                UkJurisdiction.Scotland => "scotland",
                _ => "northern-ireland",
            };
            foreach (var e in doc.RootElement.GetProperty(key).GetProperty("events").EnumerateArray())
            {
                var date = Dates.Parse(e.GetProperty("date").GetString()!);
                if (date.Year < from || date.Year > to)
                {
                    continue;
                }

                string title = e.GetProperty("title").GetString()!;
                string notes = e.GetProperty("notes").GetString()!;
                result.Add(date, notes == "Substitute day" ? title + " (substitute day)" : title);
            }
        }

        return result;
    }
}
