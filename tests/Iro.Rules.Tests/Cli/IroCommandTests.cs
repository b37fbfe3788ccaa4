using System.IO;
using System.Text.Json;
using Iro.Rules.Cli;
using Iro.Rules.Explanations;

namespace Iro.Rules.Tests.Cli;

/// <summary>Each <c>iro</c> command's happy path, with the lines it must print (issue I section 2).</summary>
public sealed class IroCommandTests
{
    [Fact]
    public void Deadline_TwentyWorkingDaysAfter17April2025_Is20May2025WithTheHolidaysSkipped()
    {
        var run = Iro.Run("deadline", "2025-04-17", "--working-days", "20");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            [
                "2025-05-20 (Tuesday)",
                "CAL-3: 2025-05-20 is 20 working days after 2025-04-17, skipping Good Friday 2025-04-18, Easter Monday 2025-04-21 and Early May bank holiday 2025-05-05 (citation: Zoan v Rouamba [2000] 1 WLR 1509)",
                "Working days in England and Wales: CAL-1 What counts as a working day (citation: CPPCR 2010 reg 2(1)); CAL-2 Bank holidays (citation: BFDA 1971 s1 and Sch 1).",
            ],
            run.Lines);
    }

    [Fact]
    public void Deadline_Scotland_SkipsTheSecondOfJanuarySubstitute()
    {
        var run = Iro.Run("deadline", "2026-12-18", "--working-days", "20", "--jurisdiction", "scotland");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2027-01-21 (Thursday)", run.Lines[0]);
        Assert.Contains("2nd January (substitute day) 2027-01-04", run.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Working days in Scotland:", run.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_WorkingDaysDefaultsTo20AndCountsBack()
    {
        Assert.Equal("2025-05-20 (Tuesday)", Iro.Run("deadline", "2025-04-17").Lines[0]);
        Assert.Equal("2025-04-17 (Thursday)", Iro.Run("deadline", "2025-05-20", "--working-days", "-20").Lines[0]);
    }

    [Fact]
    public void Deadline_IntoProjectedYears_SaysSo()
    {
        var run = Iro.Run("deadline", "2028-12-01", "--working-days", "30");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2029-01-17 (Wednesday)", run.Lines[0]);
        Assert.StartsWith("Note: some of these holidays are projected", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_Scotland2026_IncludesTheWorldCupBankHoliday()
    {
        var run = Iro.Run("holidays", "2026", "--jurisdiction", "scotland");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Bank holidays in Scotland, 2026: CAL-2 Bank holidays (citation: BFDA 1971 s1 and Sch 1)",
                "  New Year’s Day 2026-01-01 (Thursday)",
                "  2nd January 2026-01-02 (Friday)",
                "  Good Friday 2026-04-03 (Friday)",
                "  Early May bank holiday 2026-05-04 (Monday)",
                "  Spring bank holiday 2026-05-25 (Monday)",
                "  World Cup bank holiday 2026-06-15 (Monday)",
                "  Summer bank holiday 2026-08-03 (Monday)",
                "  St Andrew’s Day 2026-11-30 (Monday)",
                "  Christmas Day 2026-12-25 (Friday)",
                "  Boxing Day (substitute day) 2026-12-28 (Monday)",
                "10 days.",
            ],
            run.Lines);
    }

    [Fact]
    public void Holidays_EnglandAndWalesIsTheDefault()
    {
        var run = Iro.Run("holidays", "2025");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Bank holidays in England and Wales, 2025", run.Lines[0], StringComparison.Ordinal);
        Assert.Contains("  Easter Monday 2025-04-21 (Monday)", run.Lines);
        Assert.Equal("8 days.", run.Lines[^1]);
    }

    [Fact]
    public void Holidays_GovUkJson_TheFileIsTheTruthForTheYearsItCovers()
    {
        // A whole England and Wales year as GOV.UK would publish it, with a one-off day the built-in rules cannot know.
        string[] days =
        [
            "2031-01-01|New Year’s Day", "2031-04-11|Good Friday", "2031-04-14|Easter Monday", "2031-05-05|Early May bank holiday",
            "2031-05-26|Spring bank holiday", "2031-06-02|Coronation bank holiday", "2031-08-25|Summer bank holiday",
            "2031-12-25|Christmas Day", "2031-12-26|Boxing Day",
        ];
        string events = string.Join(", ", days.Select(static d => d.Split('|')).Select(static d => $$"""{ "title": "{{d[1]}}", "date": "{{d[0]}}", "notes": "", "bunting": true }"""));
        string file = Path.Combine(Path.GetTempPath(), $"iro-govuk-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""{ "england-and-wales": { "division": "england-and-wales", "events": [ {{events}} ] } }""");
        try
        {
            var csv = Iro.Run("holidays", "2031", "--govuk-json", file, "--format", "csv");
            var text = Iro.Run("holidays", "2031", "--govuk-json", file);

            Assert.Equal(0, csv.ExitCode);
            Assert.Equal("date,day_of_week,name,substitute,source,jurisdiction,rule,citation", csv.Lines[0]);
            Assert.Equal(days.Length + 1, csv.Lines.Length);
            Assert.Contains("2031-06-02,Monday,Coronation bank holiday,false,GovUkFeed,england-and-wales,CAL-2,BFDA 1971 s1 and Sch 1", csv.Lines);
            Assert.Equal(0, text.ExitCode);
            Assert.Equal("Bank holidays in England and Wales (with GOV.UK file), 2031: CAL-2 Bank holidays (citation: BFDA 1971 s1 and Sch 1)", text.Lines[0]);
            Assert.Contains("  Coronation bank holiday 2031-06-02 (Monday)", text.Lines);
            Assert.DoesNotContain(Iro.Run("holidays", "2031").Lines, static l => l.Contains("Coronation", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Reviews_FirstReviewOneWorkingDayLate_ThenTheNextReview()
    {
        var run = Iro.Run("reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-03-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Period of care from 2025-01-06, 1 review held, as of 2025-03-01:",
                "REV-1 not met: Review 1 was due by 2025-02-03, 20 working days after the child became looked after on 2025-01-06 (CPPCR 2010 reg 33(1)); it was held on 2025-02-04, 1 working day late.",
                "REV-6: Review 1 completed 2025-02-04: recommendations due by 2025-02-11 (5 working days), date done not recorded; minutes due by 2025-02-25 (15 working days), date done not recorded. (citation: CPPCR 2010 regs 37-38 and local policy)",
                "REV-2 pending: Review 2 is due by 2025-05-04, 3 months after review 1 on 2025-02-04 (CPPCR 2010 reg 33(2)); not yet due as of 2025-03-01.",
                "Next: review 2 due by 2025-05-04 (Sunday), not yet due as of 2025-03-01.",
            ],
            run.Lines);
    }

    [Fact]
    public void Reviews_NoReviewYet_FirstReviewOverdue()
    {
        var run = Iro.Run("reviews", "2025-01-06", "--as-of", "2025-03-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Next: review 1 due by 2025-02-03 (Monday), overdue as of 2025-03-01.", run.Lines[^1]);
    }

    [Fact]
    public void Reviews_FailOnLate_ExitsOneWhenAReviewWasLate_AndZeroWhenNone()
    {
        Assert.Equal(ExitCodes.Incomplete, Iro.Run("reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-03-01", "--fail-on-late").ExitCode);
        Assert.Equal(ExitCodes.Done, Iro.Run("reviews", "2025-01-06", "2025-02-03", "--as-of", "2025-03-01", "--fail-on-late").ExitCode);
    }

    [Fact]
    public void Rules_ListsEveryRuleInTheCatalogueWithItsCitationApiAndOptions()
    {
        var run = Iro.Run("rules");

        Assert.Equal(0, run.ExitCode);
        foreach (RuleInfo rule in RuleCatalogue.All)
        {
            Assert.Contains($"{rule.Id}  {rule.Title}", run.Lines);
            Assert.Contains($"  API: {rule.Api}", run.Lines);
            foreach (RuleOption option in rule.Options)
            {
                Assert.Contains($"  Option: LocalPolicy.{option.Property} = {option.Default} (default). {option.Meaning}", run.Lines);
            }
        }
    }

    [Fact]
    public void Rules_OneRule_AnyLetterCase()
    {
        var run = Iro.Run("rules", "rev-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "REV-1  First review within 20 working days",
                "  Citation: CPPCR 2010 reg 33(1) (Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959), reg 33(1)) https://www.legislation.gov.uk/uksi/2010/959/regulation/33",
                "  API: ReviewSchedule.Evaluate, FirstReviewDue, Check; the weekly list",
                "  Option: LocalPolicy.WorkingDayCounting = ExcludeStartDay (default). CAL-3a: ExcludeStartDay (the event day is day 0) or IncludeStartDay.",
                "  Option: LocalPolicy.ReviewDateBasis = LastPart (default). REV-5a: a review held in parts counts from its LastPart or FirstPart.",
            ],
            run.Lines);
    }

    [Fact]
    public void Rules_Csv_OneRowPerRuleAfterTheHeader()
    {
        var run = Iro.Run("rules", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("id,title,citation,instrument,provision,url,api,options", run.Lines[0]);
        Assert.Equal(RuleCatalogue.All.Count + 1, run.Lines.Length);
        Assert.StartsWith("CAL-3,\"Counting \"\"within N working days of\"\" an event\",Zoan v Rouamba [2000] 1 WLR 1509,", run.Lines.Single(static l => l.StartsWith("CAL-3,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Holidays_ParsesWithEveryDay()
    {
        var run = Iro.Run("holidays", "2026", "--jurisdiction", "scotland", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("CAL-2", json.RootElement.GetProperty("rule").GetString());
        Assert.Equal("BFDA 1971 s1 and Sch 1", json.RootElement.GetProperty("citation").GetProperty("shortForm").GetString());
        JsonElement world = json.RootElement.GetProperty("holidays").EnumerateArray().Single(static d => d.GetProperty("date").GetString() == "2026-06-15");
        Assert.Equal("World Cup bank holiday", world.GetProperty("name").GetString());
    }

    [Fact]
    public void Json_Reviews_ParsesWithEachFindingsRuleAndCitation()
    {
        var run = Iro.Run("reviews", "2025-01-06", "2025-02-04", "--as-of", "2025-03-01", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement first = json.RootElement.GetProperty("reviews")[0];
        Assert.Equal("2025-02-03", first.GetProperty("dueBy").GetString());
        Assert.False(first.GetProperty("onTime").GetBoolean());
        Assert.Equal(["REV-1", "REV-6", "REV-2"], json.RootElement.GetProperty("findings").EnumerateArray().Select(static f => f.GetProperty("rule").GetString()));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), static f => Assert.False(string.IsNullOrEmpty(f.GetProperty("citation").GetString())));
        Assert.Equal("2025-05-04", json.RootElement.GetProperty("next").GetProperty("dueBy").GetString());
    }

    [Fact]
    public void Json_Rules_ParsesWithEveryRule()
    {
        var run = Iro.Run("rules", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal(RuleCatalogue.All.Select(static r => r.Id.ToString()), json.RootElement.EnumerateArray().Select(static r => r.GetProperty("id").GetString()));
        JsonElement counting = json.RootElement.EnumerateArray().Single(static r => r.GetProperty("id").GetString() == "CAL-3").GetProperty("options")[0];
        Assert.Equal("WorkingDayCounting", counting.GetProperty("property").GetString());
        Assert.Equal("ExcludeStartDay", counting.GetProperty("default").GetString());
    }
}
