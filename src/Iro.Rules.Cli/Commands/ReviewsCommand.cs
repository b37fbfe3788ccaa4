using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Iro.Rules.Cli.Output;
using Iro.Rules.Explanations;
using Iro.Rules.Reviews;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Cli.Commands;

/// <summary><c>iro reviews &lt;period-start&gt; [&lt;review-date&gt;...] [--as-of date]</c>: a period of care's review timetable (REV-1 to REV-6).</summary>
internal sealed class ReviewsCommand : IroCommand
{
    private readonly Argument<LocalDate> periodStart = Inputs.Date("period-start", "The day the child became looked after, yyyy-MM-dd.");
    private readonly Argument<LocalDate[]> reviewDates = Inputs.Dates("review-date", "The dates the reviews were held, yyyy-MM-dd, in any order.");
    private readonly Option<LocalDate?> asOf = Inputs.DateOption("--as-of", "The date to evaluate as of (default: today in the UK). No review may be after it.");
    private readonly Option<bool> failOnLate = new("--fail-on-late")
    {
        Description = "Exit with 1 when a review was late or the next review is overdue.",
    };

    private readonly Option<OutputFormat?> format = Inputs.Format();
    private readonly Option<string?> policy = PolicyOption.Create();

    public override string Name => "reviews";

    public override string Description =>
        "A period of care's statutory review timetable (CPPCR 2010 reg 33, England): each review on time or late, then the next review due. Working days are England and Wales's.";

    public override IReadOnlyList<string> Examples { get; } =
    [
        "iro reviews 2025-01-06 2025-02-04 --as-of 2025-03-01",
        "iro reviews 2024-09-02 2024-09-27 2024-12-20 --as-of 2025-07-01 --format json",
        "iro reviews 2025-01-06 2025-02-04 --as-of 2025-03-01 --policy council.json",
    ];

    public override IReadOnlyDictionary<string, string> ParameterNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["periodStart"] = "<period-start>",
        ["start"] = "<period-start>",
        ["reviewDates"] = "<review-date>",
        ["asOf"] = "--as-of",
    };

    public override void Configure(Command command)
    {
        command.Add(periodStart);
        command.Add(reviewDates);
        command.Add(asOf);
        command.Add(failOnLate);
        command.Add(format);
        command.Add(policy);
    }

    public override int Execute(ParseResult parsed, TextWriter output, TextWriter error)
    {
        LocalDate start = parsed.GetValue(periodStart);
        LocalDate[] held = parsed.GetValue(reviewDates) ?? [];
        LocalDate evaluatedAsOf = parsed.GetValue(asOf) ?? Today();
        string? policyFile = parsed.GetValue(policy);
        LocalPolicy council = PolicyOption.Load(policyFile);
        ReviewTimeline timeline = ReviewSchedule.Evaluate(start, held, evaluatedAsOf, council);

        switch (parsed.GetValue(format) ?? OutputFormat.Text)
        {
            case OutputFormat.Json:
                Json.Write(output, w =>
                {
                    w.WriteStartObject();
                    w.Date("periodStart", timeline.PeriodStart);
                    w.Date("asOf", timeline.AsOf);
                    w.WriteString("timetable", timeline.Timetable.ToString());
                    w.WriteStartArray("reviews");
                    foreach (HeldReview review in timeline.Reviews)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("number", review.Number);
                        w.Date("heldOn", review.HeldOn);
                        w.Date("dueBy", review.DueBy);
                        w.WriteBoolean("onTime", review.OnTime);
                        w.WriteString("rule", review.Finding.Rule.ToString());
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartObject("next");
                    w.WriteNumber("number", timeline.NextNumber);
                    w.Date("dueBy", timeline.NextDueBy);
                    w.WriteString("timeliness", timeline.Next.Timeliness.ToString());
                    w.WriteBoolean("overdue", timeline.IsOverdue);
                    w.WritePropertyName("finding");
                    w.Finding(timeline.NextFinding);
                    w.WriteEndObject();
                    w.WriteStartArray("findings");
                    foreach (Finding finding in timeline.Findings)
                    {
                        w.Finding(finding);
                    }

                    w.WriteEndArray();
                    global::CaseloadReport.PolicyReport.WriteJson(w, policyFile, council);
                    w.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                Csv.Row(output, "rule", "title", "outcome", "citation", "summary", "reason");
                foreach (Finding finding in timeline.Findings)
                {
                    Csv.Row(output, finding.Rule.ToString(), finding.Rule.Title, Explain.Outcome(finding.Outcome), finding.Citation.ShortForm, finding.Summary, finding.Reason);
                }

                break;
            default:
                output.WriteLine($"Period of care from {Explain.Date(timeline.PeriodStart)}, {Explain.Number(timeline.Reviews.Count)} review{(timeline.Reviews.Count == 1 ? string.Empty : "s")} held, as of {Explain.Date(timeline.AsOf)}:");
                foreach (Finding finding in timeline.Findings)
                {
                    output.WriteLine(Explain.Line(finding));
                }

                output.WriteLine($"Next: review {Explain.Number(timeline.NextNumber)} due by {Explain.DateAndDay(timeline.NextDueBy)}, {Describe(timeline.Next.Timeliness)} as of {Explain.Date(timeline.AsOf)}.");
                if (policyFile is not null)
                {
                    output.WriteLine(global::CaseloadReport.PolicyReport.ConsoleLine(policyFile, council));
                }

                break;
        }

        bool late = timeline.IsOverdue || timeline.Reviews.Any(static r => !r.OnTime);
        return late && parsed.GetValue(failOnLate) ? ExitCodes.Incomplete : ExitCodes.Done;
    }

    private static string Describe(Timeliness timeliness) => timeliness switch
    {
        Timeliness.NotYetDue => "not yet due",
        Timeliness.Overdue => "overdue",
        Timeliness.OnTime => "held on time",
        Timeliness.Late => "held late",
        Timeliness.NotRequired => "not required",
        _ => timeliness.ToString(),
    };

    /// <summary>Today in the UK: the library has no clock, so the tool supplies the date it evaluates as of.</summary>
    private static LocalDate Today() =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
}
