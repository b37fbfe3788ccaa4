using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Cli.Output;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Cli.Commands;

/// <summary><c>iro deadline &lt;date&gt; --working-days N [--jurisdiction ...]</c>: the working day N working days after a date, with the holidays skipped (CAL-3).</summary>
internal sealed class DeadlineCommand : IroCommand
{
    private readonly Argument<LocalDate> date = Inputs.Date("date", "The event day (day 0, not counted), yyyy-MM-dd.");
    private readonly Option<int> workingDays = Inputs.Whole("--working-days", "How many working days after the date (negative counts back). 20 is the first review (REV-1).", 20);
    private readonly Option<Jurisdiction> jurisdiction = Inputs.Jurisdiction();

    public override string Name => "deadline";

    public override string Description =>
        "The date N working days after an event, the event day not counted (CAL-3), and the bank holidays the count skipped.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro deadline 2025-04-17 --working-days 20",
        "iro deadline 2026-12-18 --working-days 20 --jurisdiction scotland",
    ];

    public override IReadOnlyDictionary<string, string> ParameterNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["start"] = "<date>",
        ["workingDays"] = "--working-days",
    };

    public override void Configure(Command command)
    {
        command.Add(date);
        command.Add(workingDays);
        command.Add(jurisdiction);
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        LocalDate start = parsed.GetValue(date);
        int count = parsed.GetValue(workingDays);
        Jurisdiction where = parsed.GetRequiredValue(jurisdiction);
        WorkingDayCalendar calendar = where.WorkingDays;
        WorkingDayExplanation due = calendar.Explain(start, count);

        output.WriteLine(Explain.DateAndDay(due.Result));
        output.WriteLine(Explain.Line(due.Finding));
        output.WriteLine($"Working days in {calendar.Name}: {Explain.Rule(RuleId.WorkingDay, Citations.WorkingDay)}; {Explain.Rule(RuleId.BankHolidays, Citations.BankHolidays)}.");
        LocalDate low = start < due.Result ? start : due.Result;
        LocalDate high = start < due.Result ? due.Result : start;
        if (calendar.BankHolidays.Between(low, high).Any(static h => h.Source == BankHolidaySource.Projected))
        {
            output.WriteLine(HolidaysCommand.ProjectedNote);
        }

        return ExitCodes.Done;
    }
}
