using Iro.Rules.Calendars;
using Iro.Rules.Reviews;

namespace Iro.Rules.Tests.Docs;

/// <summary>The README's examples print what the README says they print.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReviewSchedule_ReadmeExample()
    {
        var timeline = ReviewSchedule.Evaluate(
            periodStart: new LocalDate(2025, 1, 6),
            reviewDates: new[] { new LocalDate(2025, 2, 4), new LocalDate(2025, 4, 30) },
            asOf: new LocalDate(2025, 11, 3));

        Assert.Equal(
            new[]
            {
                "Review 1 was due by 2025-02-03, 20 working days after the child became looked after on 2025-01-06 (CPPCR 2010 reg 33(1)); it was held on 2025-02-04, 1 working day late.",
                "Review 2 was due by 2025-05-04, 3 months after review 1 on 2025-02-04 (CPPCR 2010 reg 33(2)); it was held on 2025-04-30, on time.",
            },
            timeline.Reviews.Select(r => r.Finding.Summary));
        Assert.Equal(
            "Review 3 is due by 2025-10-30, 6 months after review 2 on 2025-04-30 (CPPCR 2010 reg 33(2)); overdue by 4 days as of 2025-11-03.",
            timeline.NextFinding.Summary);
    }

    [Fact]
    public void QuickStart_ReadmeExample()
    {
        var ew = WorkingDayCalendar.EnglandAndWales;
        LocalDate due = ew.AddWorkingDays(new LocalDate(2025, 4, 17), 20);
        Assert.Equal(new LocalDate(2025, 5, 20), due);
        Assert.True(ew.IsWorkingDay(new LocalDate(2025, 12, 24)));
        Assert.Equal(20, ew.WorkingDaysBetween(new LocalDate(2025, 4, 17), due));
        Assert.Contains(BankHolidayCalendar.Scotland.InYear(2026), d => d.ToString() == "World Cup bank holiday 2026-06-15");
    }

    [Fact]
    public void CarePeriod_ReadmeExample_FindingsInOrder()
    {
        var period = new CarePeriod(new LocalDate(2025, 4, 1), new[] { new Review(new LocalDate(2025, 4, 29)), new Review(new LocalDate(2025, 6, 20)) })
        {
            IroVisits = new[] { new LocalDate(2025, 4, 20), new LocalDate(2025, 5, 9) },
        };
        var t = ReviewSchedule.Evaluate(period, asOf: new LocalDate(2025, 7, 1), LocalPolicy.Default, WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(
            new[] { "REV-1", "REV-6", "REV-10", "REV-2", "REV-6", "REV-10", "REV-3" },
            t.Findings.Select(f => f.ToString()[..f.ToString().IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(Iro.Rules.Explanations.Outcome.Met, t.Reviews[1].IroVisit!.Outcome);
    }
}

/// <summary>The README's participation and Section 20 examples.</summary>
public class ReadmeParticipationExampleTests
{
    [Fact]
    public void Participation_ReadmeExample()
    {
        var code = Iro.Rules.Participation.ParticipationCodes.Parse("PN3");
        var check = Iro.Rules.Participation.ParticipationCodes.Validate(code, dateOfBirth: new LocalDate(2021, 6, 1), reviewDate: new LocalDate(2025, 6, 1));
        Assert.Equal("PN3 on 2025-06-01: the child was 4 (4 or over, so must not be PN0); valid (strict AGE-1 reading: a child is 4 from their 4th birthday).", check.Summary);
        var derived = Iro.Rules.Participation.ParticipationCodes.Derive(new Iro.Rules.Participation.ParticipationFacts(Attended: false, ThroughAdvocate: true), new LocalDate(2010, 1, 1), new LocalDate(2025, 1, 1));
        Assert.Equal(Iro.Rules.Participation.ParticipationCode.PN5, derived.Code);
    }
}

/// <summary>The README's leaving-care and escalation examples.</summary>
public class ReadmeLeavingCareExampleTests
{
    [Fact]
    public void LeavingCare_ReadmeExample()
    {
        var facts = new Iro.Rules.LeavingCare.CareLeaverFacts(new LocalDate(2008, 5, 10), new[]
        {
            new Iro.Rules.Legal.Episode(new LocalDate(2022, 6, 1), new LocalDate(2022, 8, 15), Iro.Rules.Legal.LegalStatus.V2, Iro.Rules.Legal.ReasonForNewEpisode.S),
            new Iro.Rules.Legal.Episode(new LocalDate(2024, 5, 15), null, Iro.Rules.Legal.LegalStatus.C2, Iro.Rules.Legal.ReasonForNewEpisode.S),
        });
        var a = Iro.Rules.LeavingCare.CareLeavers.Assess(facts, asOf: new LocalDate(2024, 5, 31));
        Assert.Equal(Iro.Rules.LeavingCare.CareLeaverStatus.Eligible, a.Status);
        Assert.Equal(new LocalDate(2024, 5, 31), a.EligibleFrom);
        Assert.Equal(new LocalDate(2024, 8, 31), Iro.Rules.LeavingCare.CareLeavers.NeedsAssessmentDue(facts.DateOfBirth, a.EligibleFrom));
    }

    [Fact]
    public void Escalation_ReadmeExample()
    {
        var escalation = new Iro.Rules.Escalation.DisputeEscalation(
            new[] { new Iro.Rules.Escalation.EscalationStep(1, new LocalDate(2025, 3, 3)), new Iro.Rules.Escalation.EscalationStep(3, new LocalDate(2025, 3, 20)) },
            ResolvedOn: new LocalDate(2025, 3, 31));
        Assert.Equal(
            "Escalation from the first stage on 2025-03-03: due by 2025-03-31 (20 working days); resolved on 2025-03-31, on time; stages 1, 3.",
            Iro.Rules.Escalation.DisputeResolution.Assess(escalation, asOf: new LocalDate(2025, 6, 1)).Findings[0].Summary);
    }
}
