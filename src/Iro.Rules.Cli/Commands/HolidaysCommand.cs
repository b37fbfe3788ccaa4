using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Cli.Output;
using Iro.Rules.Explanations;

namespace Iro.Rules.Cli.Commands;

/// <summary><c>iro holidays &lt;year&gt; [--jurisdiction ...] [--govuk-json file]</c>: a year's bank holidays (CAL-2).</summary>
internal sealed class HolidaysCommand : IroCommand
{
    public const string ProjectedNote =
        "Note: some of these holidays are projected from the Banking and Financial Dealings Act 1971 rules (no GOV.UK list covers them yet); a later proclamation can change them. 'iro holidays --govuk-json' reads a newer GOV.UK bank-holidays.json.";

    private readonly Argument<int> year = new("year")
    {
        Description = $"The year, {BankHolidayCalendar.MinYear}-{BankHolidayCalendar.MaxYear}.",
        CustomParser = static result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            result.AddError($"<year>: '{text}' is not a year such as 2026");
            return 0;
        },
    };

    private readonly Option<Jurisdiction> jurisdiction = Inputs.Jurisdiction();

    private readonly Option<FileInfo?> govUkJson = new("--govuk-json")
    {
        Description = "A GOV.UK bank-holidays.json file (https://www.gov.uk/bank-holidays.json): for the years it covers, it overrides the built-in calendar.",
        HelpName = "file",
    };

    private readonly Option<OutputFormat?> format = Inputs.Format();

    public override string Name => "holidays";

    public override string Description =>
        "The bank holidays of a year in one part of the UK (CAL-2): the weekdays taken off, substitute days included.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro holidays 2026 --jurisdiction scotland",
        "iro holidays 2027 --govuk-json bank-holidays.json --format csv",
    ];

    public override IReadOnlyDictionary<string, string> ParameterNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["year"] = "<year>",
        ["json"] = "--govuk-json",
    };

    public override void Configure(Command command)
    {
        command.Add(year);
        command.Add(jurisdiction);
        command.Add(govUkJson);
        command.Add(format);
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        int y = parsed.GetValue(year);
        Jurisdiction where = parsed.GetRequiredValue(jurisdiction);
        FileInfo? file = parsed.GetValue(govUkJson);
        BankHolidayCalendar calendar = file is null ? where.BankHolidays : Load(file, where);
        if (y < BankHolidayCalendar.MinYear || y > BankHolidayCalendar.MaxYear)
        {
            throw new CliInputException("<year>", $"{y} is outside the years covered, {BankHolidayCalendar.MinYear}-{BankHolidayCalendar.MaxYear}");
        }

        IReadOnlyList<BankHoliday> days = calendar.InYear(y);
        string source = file is null ? "built in" : $"{file.Name} over the built-in calendar";
        switch (parsed.GetValue(format) ?? OutputFormat.Text)
        {
            case OutputFormat.Json:
                Json.Write(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("year", y);
                    w.WriteString("jurisdiction", where.Name);
                    w.WriteString("calendar", calendar.Name);
                    w.WriteString("source", source);
                    w.WriteString("rule", RuleId.BankHolidays.ToString());
                    w.Citation("citation", Citations.BankHolidays);
                    w.WriteStartArray("holidays");
                    foreach (BankHoliday day in days)
                    {
                        w.WriteStartObject();
                        w.Date("date", day.Date);
                        w.WriteString("dayOfWeek", day.Date.DayOfWeek.ToString());
                        w.WriteString("name", day.Name);
                        w.WriteBoolean("substitute", day.IsSubstitute);
                        w.WriteString("source", day.Source.ToString());
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                Csv.Row(output, "date", "day_of_week", "name", "substitute", "source", "jurisdiction", "rule", "citation");
                foreach (BankHoliday day in days)
                {
                    Csv.Row(output, Explain.Date(day.Date), day.Date.DayOfWeek.ToString(), day.Name, day.IsSubstitute ? "true" : "false", day.Source.ToString(), where.Name, RuleId.BankHolidays.ToString(), Citations.BankHolidays.ShortForm);
                }

                break;
            default:
                output.WriteLine($"Bank holidays in {calendar.Name}, {y}: {Explain.Rule(RuleId.BankHolidays, Citations.BankHolidays)}");
                foreach (BankHoliday day in days)
                {
                    string projected = day.Source == BankHolidaySource.Projected ? ", projected" : string.Empty;
                    output.WriteLine($"  {day} ({day.Date.DayOfWeek}{projected})");
                }

                output.WriteLine($"{Explain.Number(days.Count)} day{(days.Count == 1 ? string.Empty : "s")}.");
                if (days.Any(static d => d.Source == BankHolidaySource.Projected))
                {
                    output.WriteLine(ProjectedNote);
                }

                break;
        }

        return ExitCodes.Done;
    }

    private static BankHolidayCalendar Load(FileInfo file, Jurisdiction where)
    {
        if (where.Part is not UkJurisdiction part)
        {
            throw new CliInputException("--govuk-json", $"a GOV.UK file has one division per part of the UK; use --jurisdiction {string.Join(", ", Jurisdiction.All.Where(static j => j.Part is not null).Select(static j => j.Name))}, not {where.Name}");
        }

        if (!file.Exists)
        {
            throw new CliInputException("--govuk-json", $"no such file '{file.FullName}'");
        }

        try
        {
            using FileStream stream = file.OpenRead();
            return BankHolidayCalendar.FromGovUkJson(stream, part);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliInputException("--govuk-json", $"{file.Name}: {e.Message}");
        }
    }
}
