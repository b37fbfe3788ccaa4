#!/usr/bin/env dotnet
#:project ../../src/Iro.Rules/Iro.Rules.csproj

// One child's statutory review timetable (REV-1 to REV-3; docs/rules.md), review by review, with the next one due.
//
//   dotnet run samples/scripts/review-timetable.cs -- 2025-01-06 2025-02-04 2025-04-30 --as-of 2025-11-03
//   (the period of care began on the first date; the others are the reviews held)
//
// With the package instead of the repository: replace the #:project line with
//   #:package Iro.Rules@0.2.0
//   #:package NodaTime@3.3.7

using System;
using System.Collections.Generic;
using Iro.Rules.Explanations;
using Iro.Rules.Reviews;
using NodaTime;
using NodaTime.Text;

var dates = new List<LocalDate>();
LocalDate? asOf = null;
for (int i = 0; i < args.Length; i++)
{
    bool isAsOf = args[i] == "--as-of" && i + 1 < args.Length;
    string text = isAsOf ? args[++i] : args[i];
    ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
    if (!parsed.Success)
    {
        Console.Error.WriteLine($"'{text}' is not a date in the form yyyy-MM-dd.");
        return 2;
    }

    if (isAsOf)
    {
        asOf = parsed.Value;
    }
    else
    {
        dates.Add(parsed.Value);
    }
}

if (dates.Count == 0)
{
    dates.AddRange(new[] { new LocalDate(2025, 1, 6), new LocalDate(2025, 2, 4), new LocalDate(2025, 4, 30) });
    asOf ??= new LocalDate(2025, 11, 3);
}

LocalDate start = dates[0];
try
{
    ReviewTimeline timeline = ReviewSchedule.Evaluate(start, dates.GetRange(1, dates.Count - 1), asOf ?? dates[^1]);
    foreach (HeldReview review in timeline.Reviews)
    {
        Print(review.Finding);
    }

    Print(timeline.NextFinding);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static void Print(Finding f) => Console.WriteLine($"{f.Rule} ({f.Rule.Title}; {f.Citation.ShortForm}): {f.Summary}");
