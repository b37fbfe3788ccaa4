#!/usr/bin/env dotnet
#:project ../../src/Iro.Rules/Iro.Rules.csproj

// A working-day deadline (CAL-1, CAL-3; docs/rules.md): N working days after a date in one UK jurisdiction, with
// the holidays it skipped.
//
//   dotnet run samples/scripts/deadline.cs -- 2025-04-17 20 scotland
//
// With the package instead of the repository: replace the #:project line with
//   #:package Iro.Rules@0.2.0
//   #:package NodaTime@3.3.7

using System;
using System.Globalization;
using Iro.Rules.Calendars;
using NodaTime;
using NodaTime.Text;

LocalDate start = args.Length > 0 && LocalDatePattern.Iso.Parse(args[0]) is { Success: true } p ? p.Value : new LocalDate(2025, 4, 17);
if (args.Length > 0 && LocalDatePattern.Iso.Parse(args[0]) is { Success: false })
{
    Console.Error.WriteLine($"'{args[0]}' is not a date in the form yyyy-MM-dd.");
    return 2;
}

int days = 20;
if (args.Length > 1 && !int.TryParse(args[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out days))
{
    Console.Error.WriteLine($"'{args[1]}' is not a whole number of working days.");
    return 2;
}

UkJurisdiction jurisdiction = (args.Length > 2 ? args[2].ToLowerInvariant() : "england-and-wales") switch
{
    "scotland" => UkJurisdiction.Scotland,
    "northern-ireland" => UkJurisdiction.NorthernIreland,
    _ => UkJurisdiction.EnglandAndWales,
};

try
{
    WorkingDayExplanation due = WorkingDayCalendar.For(jurisdiction).Explain(start, days);
    Console.WriteLine($"{due.Result:uuuu-MM-dd} ({jurisdiction}, CAL-3): {due.Summary}");
    return 0;
}
catch (ArgumentOutOfRangeException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
