#!/usr/bin/env dotnet
#:project ../../src/Iro.Rules/Iro.Rules.csproj

// Bank holidays for a year from a fresh GOV.UK file (CAL-2; docs/rules.md). Download
// https://www.gov.uk/bank-holidays.json, then:
//
//   dotnet run samples/scripts/govuk-holidays.cs -- bank-holidays.json 2026 scotland
//
// Years the file covers come from the file (it is refused, naming the year, if a year looks incomplete); other
// years come from the built-in calendar. With the package instead of the repository: replace the #:project line with
//   #:package Iro.Rules@0.2.0
//   #:package NodaTime@3.3.7

using System;
using System.Globalization;
using System.IO;
using Iro.Rules.Calendars;

if (args.Length < 1)
{
    Console.Error.WriteLine("Usage: govuk-holidays.cs <bank-holidays.json> [year] [england-and-wales|scotland|northern-ireland]");
    return 2;
}

int year = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : 2026;
UkJurisdiction jurisdiction = (args.Length > 2 ? args[2].ToLowerInvariant() : "england-and-wales") switch
{
    "scotland" => UkJurisdiction.Scotland,
    "northern-ireland" => UkJurisdiction.NorthernIreland,
    _ => UkJurisdiction.EnglandAndWales,
};

try
{
    using FileStream json = File.OpenRead(args[0]);
    BankHolidayCalendar calendar = BankHolidayCalendar.FromGovUkJson(json, jurisdiction);
    foreach (BankHoliday day in calendar.InYear(year))
    {
        Console.WriteLine($"{day.Date:uuuu-MM-dd}  {day.Name}  ({day.Source})");
    }

    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    return 2;
}
