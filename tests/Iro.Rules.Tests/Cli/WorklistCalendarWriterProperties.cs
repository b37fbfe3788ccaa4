using System.IO;
using System.Text;
using CaseloadReport;
using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;

namespace Iro.Rules.Tests.Cli;

/// <summary>The calendars' own event writer against Ical.Net's serializer, which it replaced for speed: the same text,
/// byte for byte, for any child id, reason and citation (commas, semicolons, backslashes, line breaks, non-ASCII
/// letters, surrogates, long values that fold).</summary>
public class WorklistCalendarWriterProperties
{
    private static readonly LocalDate AsOf = new(2026, 3, 31);

    private static string ViaIcalNet(WorklistItem item)
    {
        string whole = WorklistCalendars.Serialize(WorklistCalendars.ToCalendar("IRO", [item], AsOf));
        string head = WorklistCalendars.Serialize(WorklistCalendars.ToCalendar("IRO", [], AsOf));
        const string End = "END:VCALENDAR\r\n";
        Assert.EndsWith(End, head, StringComparison.Ordinal);
        Assert.StartsWith(head[..^End.Length], whole, StringComparison.Ordinal);
        return whole[(head.Length - End.Length)..^End.Length];
    }

    private static string Direct(WorklistItem item)
    {
        var text = new StringWriter { NewLine = "\r\n" };
        WorklistCalendars.WriteEvents(text, new StringBuilder(), item, AsOf);
        return text.ToString();
    }

    private static IEnumerable<WorklistItem> Items(string childId, string reason, string citation, int days)
    {
        var finding = new Finding(new RuleId("REV-3"), Outcome.NotMet, new Citation("CPPCR 2010", "reg 33", citation), reason);
        LocalDate due = AsOf.PlusDays(days % 400);
        yield return new WorklistItem("IRO", childId, WorklistItemKind.Review, days % 2 == 0 ? WorklistStatus.Due : WorklistStatus.Overdue, due, finding)
        {
            BookBy = due.PlusDays(-(days & 3)), PeriodStart = new LocalDate(2024, 1, 5), ReviewNumber = days % 3 == 0 ? null : 3, ReviewAfter = new LocalDate(2025, 5, 1),
        };
        yield return new WorklistItem("IRO", childId, WorklistItemKind.IroVisit, WorklistStatus.Due, due, finding)
        {
            WindowStart = due.PlusDays(-42), WindowEnd = due, PeriodStart = new LocalDate(2024, 1, 5), ReviewNumber = 2,
        };
        yield return new WorklistItem("IRO", childId, WorklistItemKind.Minutes, WorklistStatus.Overdue, due, finding)
        {
            PeriodStart = new LocalDate(2024, 1, 5), ReviewNumber = 4, ReviewHeldOn = due.PlusDays(-20), Reason = reason + " " + reason,
        };
        yield return new WorklistItem("IRO", childId + "😀é" + childId, WorklistItemKind.Recommendations, WorklistStatus.Due, due, finding)
        {
            PeriodStart = new LocalDate(2024, 1, 5), ReviewNumber = 4, ReviewHeldOn = due.PlusDays(-20), Reason = string.Concat(Enumerable.Repeat(reason + "é😀,", 6)),
        };
    }

    [Property(MaxTest = 300)]
    public bool SameTextAsIcalNet(string? childId, string? reason, string? citation, int days)
    {
        foreach (WorklistItem item in Items(childId ?? string.Empty, reason ?? string.Empty, citation ?? string.Empty, Math.Abs(days % 1000)))
        {
            string expected = ViaIcalNet(item), actual = Direct(item);
            if (expected != actual)
            {
                throw new Xunit.Sdk.XunitException($"expected:\n{expected}\nactual:\n{actual}");
            }
        }

        return true;
    }

    [Theory]
    [InlineData("C100123", "Review 3 is due by 2026-04-03, 6 months after review 2 on 2025-10-03 (CPPCR 2010 reg 33(2)); due in 3 days.", "CPPCR 2010 reg 33(2)")]
    [InlineData("Zoë-Ångström, \"Ω\" 😀 é", "Ünïcödé; line one\r\nline two\nthree\rfour \\ back, slash — and a long tail éééééééééééééééééééééééééééééééééééééééééééééééé", "reg 33; s. 25A, é")]
    [InlineData(" lead and trail ", "  spaces at both ends  ", " ")]
    [InlineData("C1\r", "a reason ending in CR\r", "citation\r")] // the description's CR and the LF after it are one line break
    [InlineData("C2", "\r", "\n")]
    public void SameTextAsIcalNet_Examples(string childId, string reason, string citation)
    {
        foreach (WorklistItem item in Items(childId, reason, citation, 7))
        {
            Assert.Equal(ViaIcalNet(item), Direct(item));
        }
    }
}
