using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Iro.Rules;
using Iro.Rules.Caseload;
using Iro.Rules.Timescales;
using NodaTime;
using NodaTime.Text;

namespace CaseloadReport;

/// <summary>A mistake the person running the job can fix: one line saying what is wrong. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The main job's options, checked: every value here is usable.</summary>
internal sealed record JobOptions(
    LocalDate AsOf,
    ReportingYear Year,
    bool YearGiven,
    int Count,
    string OutDir,
    IReadOnlyList<string> Ssda903Folders,
    double MaxRejected,
    bool FullHistory = false,
    string? PolicyFile = null,
    LocalPolicy? Policy = null,
    int Weeks = Worklist.DefaultHorizonWeeks)
{
    internal const string Usage = """
        Usage: CaseloadReport [options]

        The weekly IRO flag list and the annual-report figures for a caseload: a built-in synthetic caseload,
        or SSDA903 CSV files (header.csv, episodes.csv, reviews.csv, optionally placed_for_adoption.csv), or the
        SSDA903 return as XML; with optionally the council's iro_allocations.csv (CHILD, IRO, FROM: IRO-1, IRO-3)
        and iro_roster.csv (IRO, FTE) beside them.

        Options:
          --ssda903 <folder>      read SSDA903 files from the folder; give it once per return (e.g. last year's
                                  and this year's to date). Without it, a synthetic caseload is evaluated.
                                  A return submitted as XML (EXPSSDA903) is read too: give the .xml file, or a
                                  folder holding it (and no header.csv).
                                  Each return is a one-year window (1 April to 31 March, to --as-of for this
                                  year's return to date): facts before the earliest window are unknown, and no
                                  flag is raised that the data cannot show (903-W).
          --full-history          the SSDA903 files are a full extract from a case system, not annual returns:
                                  read them as each child's complete history
          --as-of <yyyy-MM-dd>    the date the flags are worked out on (default 2026-03-31); 1971-01-01 to 2100-12-31
          --year <yyyy>           the reporting year for the figures, by the year it starts in (2024 for
                                  1 April 2024 to 31 March 2025); it must have ended by --as-of. Default: the
                                  latest reporting year ended by --as-of.
          --count <n>             children in the synthetic caseload (default 1300, at most 2,000,000); not with --ssda903
          --out <folder>          where to write the outputs (default out; created if needed)
          --max-rejected <share>  the largest share of rows or children that may be rejected before the run is
                                  marked incomplete (default 0.05, i.e. 5%; 0 to 1, or a percentage such as 5%)
          --policy <file>         the council's policy file (JSON; keys and ranges in schemas/local-policy.schema.json):
                                  local timescales and the readings the law leaves open. Without it, the statutory
                                  and documented defaults. Every output lists the policy's departures from them.
          --weeks <n>             how many weeks ahead the IROs' worklist looks (default 8; 0 to 52); overdue
                                  items are always listed
          --verbose               on an internal error, show the stack trace too
          -h, --help              show this help and exit
          --version               show the version and exit

        Outputs (in --out): flags.csv, not_evaluated.csv, worklist.csv, figures.json, report.html, and calendars/
        (one iCalendar file per IRO). Every run first removes the previous run's outputs from --out, then writes
        the new ones to a temporary folder and moves them into place only when all are complete, so a failed or
        stopped run never leaves files that look current.

        Examples:
          CaseloadReport --count 200 --as-of 2026-03-31 --out caseload-example
          CaseloadReport --ssda903 return-2024-25 --ssda903 return-2025-26 --as-of 2025-11-10 --out out
          CaseloadReport --policy samples/policy/council.json --out out

        Exit codes:
          0  done: every output written, and the run is complete
          1  done but incomplete: outputs written and marked incomplete ("complete": false in figures.json, a banner
             in report.html), because no child could be evaluated, rows belong to no known child, or more than
             --max-rejected of the rows or children were rejected
          2  bad input (an option, a folder or a file) or the outputs cannot be written: nothing written, one line
             on standard error says what is wrong
          3  internal error (a fault in the job, not in the input): nothing written; please report the text
        """;

    internal static readonly LocalDate DefaultAsOf = new(2026, 3, 31);
    internal static readonly LocalDate Earliest = new(1971, 1, 1);
    internal static readonly LocalDate Latest = new(2100, 12, 31);

    /// <summary>The latest reporting year that has ended by <paramref name="asOf"/> (31 March on or before it).</summary>
    internal static ReportingYear LatestEndedBy(LocalDate asOf)
    {
        var year = ReportingYear.Of(asOf);
        return year.End <= asOf ? year : new ReportingYear(year.StartYear - 1);
    }

    /// <summary>Finds the value of <c>--out</c> (or the default) without checking anything else, so that a failed run
    /// knows which previous outputs to remove. <see langword="null"/> when --out is given without a value.</summary>
    internal static string? OutDirOf(IReadOnlyList<string> args)
    {
        string? outDir = "out";
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out")
            {
                outDir = i + 1 < args.Count && args[i + 1].Length > 0 && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
            }
            else if (args[i].StartsWith("--out=", StringComparison.Ordinal))
            {
                outDir = args[i].Length > 6 ? args[i][6..] : null;
            }
        }

        return outDir;
    }

    /// <summary>Parses and checks the options.</summary>
    /// <exception cref="UsageException">Something is wrong with an option; the message says what.</exception>
    internal static JobOptions Parse(IReadOnlyList<string> args)
    {
        string? asOfText = null, yearText = null, countText = null, outDir = null, maxText = null, policyFile = null, weeksText = null;
        var folders = new List<string>();
        bool fullHistory = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--full-history")
            {
                fullHistory = true;
                continue;
            }

            if (arg == "--verbose")
            {
                continue; // read by MainJob: the stack trace of an internal error
            }

            string name = arg, value;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                value = string.Empty;
            }

            if (name is not ("--as-of" or "--year" or "--count" or "--out" or "--ssda903" or "--max-rejected" or "--policy" or "--weeks"))
            {
                throw new UsageException(arg.StartsWith('-')
                    ? $"no such option '{arg}'; see --help for the options"
                    : $"unexpected argument '{arg}': every value follows its option (for example --ssda903 {arg}); see --help");
            }

            if (name == arg)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value ({Expected(name)})");
                }

                value = args[++i];
            }

            if (value.Length == 0)
            {
                throw new UsageException($"{name} needs a value ({Expected(name)})");
            }

            switch (name)
            {
                case "--as-of": asOfText = Once(name, asOfText, value); break;
                case "--year": yearText = Once(name, yearText, value); break;
                case "--count": countText = Once(name, countText, value); break;
                case "--out": outDir = Once(name, outDir, value); break;
                case "--max-rejected": maxText = Once(name, maxText, value); break;
                case "--policy": policyFile = Once(name, policyFile, value); break;
                case "--weeks": weeksText = Once(name, weeksText, value); break;
                default: folders.Add(value); break;
            }
        }

        LocalDate asOf = DefaultAsOf;
        if (asOfText is not null)
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                throw new UsageException($"--as-of '{asOfText}': dates are yyyy-MM-dd, for example 2025-11-10");
            }

            asOf = parsed.Value;
            if (asOf < Earliest || asOf > Latest)
            {
                throw new UsageException($"--as-of {asOfText}: --as-of must be from 1971-01-01 to 2100-12-31 (the range the rules' calendars cover)");
            }
        }

        ReportingYear year = LatestEndedBy(asOf);
        if (yearText is not null)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int start) || yearText.Length != 4)
            {
                throw new UsageException($"--year '{yearText}': a reporting year is given by the year it starts in, yyyy (2024 for 1 April 2024 to 31 March 2025)");
            }

            if (start < 1971 || start > 2099)
            {
                throw new UsageException($"--year {yearText}: --year must be from 1971 to 2099 (years within 1971-01-01 to 2100-12-31)");
            }

            year = new ReportingYear(start);
            if (year.End > asOf)
            {
                throw new UsageException(
                    $"--year {yearText}: the reporting year {year} runs to {Iso(year.End)}, after the as-of date {Iso(asOf)}; figures for a year that has not ended are refused "
                    + $"(give an --as-of on or after {Iso(year.End)}, or --year {LatestEndedBy(asOf).StartYear.ToString(CultureInfo.InvariantCulture)} or earlier)");
            }
        }

        int count = 1300;
        if (countText is not null)
        {
            if (folders.Count > 0)
            {
                throw new UsageException("--count is ignored with --ssda903 (the children are the files' own); give one or the other");
            }

            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 2_000_000)
            {
                throw new UsageException($"--count '{countText}': a whole number from 1 to 2000000");
            }
        }

        foreach (string folder in folders)
        {
            if (File.Exists(folder))
            {
                if (folder.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the return as XML
                }

                throw new UsageException($"--ssda903 '{folder}' is a file; give the folder that holds header.csv, episodes.csv and reviews.csv, or the return's XML file (.xml)");
            }

            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--ssda903 '{folder}': no such folder{(folder.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? " or file" : string.Empty)}");
            }
        }

        for (int i = 0; i < folders.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(Path.GetFullPath(folders[i]).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(folders[j]).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    throw new UsageException($"--ssda903 '{folders[i]}' is given twice; give each return's folder once");
                }
            }
        }

        outDir ??= "out";
        if (File.Exists(outDir))
        {
            throw new UsageException($"--out '{outDir}' names a file; give a folder (it is created if needed)");
        }

        double max = 0.05;
        if (maxText is not null)
        {
            bool percent = maxText.EndsWith('%');
            string number = percent ? maxText[..^1] : maxText;
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out max) || (percent ? max > 100 : max > 1))
            {
                throw new UsageException($"--max-rejected '{maxText}': a share from 0 to 1 (0.05 is 5%), or a percentage such as 5%");
            }

            max = percent ? max / 100 : max;
        }

        if (fullHistory && folders.Count == 0)
        {
            throw new UsageException("--full-history applies to --ssda903 files; give the folder too");
        }

        int weeks = Worklist.DefaultHorizonWeeks;
        if (weeksText is not null && (!int.TryParse(weeksText, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks > Worklist.MaxHorizonWeeks))
        {
            throw new UsageException($"--weeks '{weeksText}': a whole number of weeks from 0 to {Worklist.MaxHorizonWeeks}");
        }

        LocalPolicy? policy = policyFile is null ? null : PolicyReport.Load(policyFile);
        return new JobOptions(asOf, year, yearText is not null, count, outDir, folders.AsReadOnly(), max, fullHistory, policyFile, policy, weeks);
    }

    private static string Once(string name, string? previous, string value) =>
        previous is null ? value : throw new UsageException($"{name} is given twice ('{previous}' and '{value}'); give it once");

    private static string Expected(string name) => name switch
    {
        "--as-of" => "a date, yyyy-MM-dd",
        "--year" => "the year the reporting year starts in, yyyy",
        "--count" => "a number of children",
        "--out" => "a folder",
        "--ssda903" => "a folder of SSDA903 CSV files, or an SSDA903 XML return",
        "--policy" => "a policy file, JSON",
        "--weeks" => "a number of weeks, 0 to 52",
        _ => "a share from 0 to 1, such as 0.05",
    };

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
