#!/usr/bin/env dotnet
#:project ../src/Iro.Rules/Iro.Rules.csproj

// The 20-working-day deadline (docs/rules.md CAL-3; the first statutory review, REV-1) from a date, in all three UK
// jurisdictions, with the holidays each one skipped.
//
//   dotnet run samples/deadlines.cs               (uses the example date 2026-12-18)
//   dotnet run samples/deadlines.cs -- 2025-04-17
//   dotnet run samples/deadlines.cs -- 2025-04-17 10   (a different number of working days)

using System;
using Iro.Rules.Calendars;
using NodaTime;
using NodaTime.Text;

LocalDate start = new(2026, 12, 18);
int workingDays = 20;

if (args.Length > 0)
{
    ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(args[0]);
    if (!parsed.Success)
    {
        Console.Error.WriteLine($"'{args[0]}' is not a date in the form yyyy-MM-dd, for example 2026-12-18.");
        return 2;
    }

    start = parsed.Value;
}

if (args.Length > 1 && !int.TryParse(args[1], out workingDays))
{
    Console.Error.WriteLine($"'{args[1]}' is not a whole number of working days.");
    return 2;
}

Console.WriteLine($"{workingDays} working days after {start:uuuu-MM-dd} ({start.DayOfWeek}), the event day not counted (CAL-3):");
Console.WriteLine();
try
{
    foreach (UkJurisdiction jurisdiction in Enum.GetValues<UkJurisdiction>())
    {
        WorkingDayExplanation due = WorkingDayCalendar.For(jurisdiction).Explain(start, workingDays);
        Console.WriteLine($"  {jurisdiction,-16} {due.Result:uuuu-MM-dd} ({due.Result.DayOfWeek})");
        Console.WriteLine($"  {string.Empty,-16} {due.Summary}");
    }
}
catch (ArgumentOutOfRangeException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine();
Console.WriteLine("Holidays after 2028 are projected from the Banking and Financial Dealings Act 1971 rules; load a newer");
Console.WriteLine("GOV.UK file with BankHolidayCalendar.FromGovUkJson to pick up a new proclamation.");
return 0;
