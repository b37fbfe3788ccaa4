using System.Globalization;
using Iro.Rules.Explanations;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Cli.Output;

/// <summary>The text form of the library's explanations: every line names its rule id and citation.</summary>
internal static class Explain
{
    /// <summary>For example "REV-1 not met: Review 1 was due by 2025-02-03 ... (citation: CPPCR 2010 reg 33(1))".</summary>
    /// <remarks>A summary that already cites its source by the short form is not given it twice.</remarks>
    public static string Line(Finding finding) =>
        finding.Summary.Contains(finding.Citation.ShortForm, System.StringComparison.Ordinal)
            ? $"{finding.Rule}{Label(finding.Outcome)}: {finding.Summary}"
            : $"{finding.Rule}{Label(finding.Outcome)}: {finding.Summary} (citation: {finding.Citation.ShortForm})";

    /// <summary>For example "CAL-2 Bank holidays (citation: BFDA 1971 s1 and Sch 1)".</summary>
    public static string Rule(RuleId rule, Citation citation) => $"{rule} {rule.Title} (citation: {citation.ShortForm})";

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Explanations.Outcome.Met => "met",
        Explanations.Outcome.NotMet => "not met",
        Explanations.Outcome.Pending => "pending",
        Explanations.Outcome.NotApplicable => "not applicable",
        Explanations.Outcome.Information => "information",
        _ => outcome.ToString(),
    };

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>The date with its day of the week, for example "2025-05-20 (Tuesday)".</summary>
    public static string DateAndDay(LocalDate date) =>
        $"{Date(date)} ({date.ToDateOnly().DayOfWeek.ToString()})";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Label(Outcome outcome) => outcome == Explanations.Outcome.Information ? string.Empty : " " + Outcome(outcome);
}
