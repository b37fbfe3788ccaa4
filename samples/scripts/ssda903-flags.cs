#!/usr/bin/env dotnet
#:project ../../src/Iro.Rules.Ssda903/Iro.Rules.Ssda903.csproj

// An SSDA903 folder (header.csv, episodes.csv, reviews.csv, placed_for_adoption.csv) to the weekly flag list, one
// line per flag with its rule id, title and reason (docs/weekly-list.md), then every child not evaluated.
//
//   dotnet run samples/scripts/ssda903-flags.cs -- samples/ssda903 2025-11-10
//
// With the packages instead of the repository: replace the #:project line with
//   #:package Iro.Rules.Ssda903@0.2.0
//   #:package NodaTime@3.3.7

using System;
using System.IO;
using Iro.Rules.Caseload;
using Iro.Rules.Ssda903;
using NodaTime;
using NodaTime.Text;

string folder = args.Length > 0 ? args[0] : Path.Combine("samples", "ssda903");
LocalDate asOf = args.Length > 1 && LocalDatePattern.Iso.Parse(args[1]) is { Success: true } p ? p.Value : new LocalDate(2025, 11, 10);
try
{
    Ssda903ReadResult read = Ssda903Reader.ReadFolder(folder);
    var sink = new CollectingCaseloadSink();
    CaseloadTotals totals = new CaseloadEvaluator().Evaluate(read.Children, asOf, sink);
    foreach (CaseloadFlag flag in sink.Flags)
    {
        Console.WriteLine($"{flag.ChildId}  {flag.Rule} ({flag.Rule.Title})  {flag.StatusText}  {flag.Date:uuuu-MM-dd}  {flag.Reason}");
    }

    foreach (ChildEvaluation child in read.NotEvaluated)
    {
        Console.WriteLine($"{child.ChildId}  not evaluated: {string.Join("; ", child.Rejections)}");
    }

    foreach (ChildEvaluation child in sink.NotEvaluatedChildren)
    {
        Console.WriteLine($"{child.ChildId}  not evaluated: {string.Join("; ", child.Rejections)}");
    }

    Console.WriteLine($"{totals.Flags} flags; children read {read.Children.Count + read.NotEvaluated.Count}, evaluated {totals.Evaluated}, not evaluated {read.NotEvaluated.Count + totals.NotEvaluated}.");
    return read.NotEvaluated.Count + totals.NotEvaluated == 0 ? 0 : 1;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
