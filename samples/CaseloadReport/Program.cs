// The main job: the weekly IRO flag list and the annual-report figures for a whole caseload.
//
//   dotnet run -c Release --project samples/CaseloadReport                       a built-in synthetic caseload of 1,300 children
//   dotnet run -c Release --project samples/CaseloadReport -- --as-of 2026-03-31 --year 2025 --count 1300 --out out
//   dotnet run -c Release --project samples/CaseloadReport -- --ssda903 samples/ssda903 --as-of 2025-11-10 --year 2024
//   dotnet run -c Release --project samples/CaseloadReport -- --help
//
// Writes <out>/flags.csv, <out>/not_evaluated.csv, <out>/figures.json and <out>/report.html. Exit codes: 0 done,
// 1 done but incomplete (outputs marked so), 2 bad input (nothing written). See MainJob and README.md.

using System;
using CaseloadReport;

return MainJob.Run(args, Console.Out, Console.Error);
