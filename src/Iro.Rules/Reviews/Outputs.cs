using System.Collections.Generic;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>One review held, with its due date, whether it was on time, and why.</summary>
/// <remarks>Immutable and thread-safe. Rules REV-1 to REV-3 (or REV-9), with REV-5, REV-6 and REV-10 where the data allows; citations: CPPCR 2010 regs 33, 36-38 and 48 (RCCR 1991 reg 3 before 1 April 2011).</remarks>
public sealed record HeldReview
{
    /// <summary>The review's number in the period of care: 1 for the first review.</summary>
    public required int Number { get; init; }

    /// <summary>The review's date: its completion (last part) by default, or its first part under <see cref="ReviewDateBasis.FirstPart"/>.</summary>
    public required LocalDate HeldOn { get; init; }

    /// <summary>The date of the review's first part.</summary>
    public required LocalDate FirstPartOn { get; init; }

    /// <summary>The date of the review's last part (its completion).</summary>
    public required LocalDate LastPartOn { get; init; }

    /// <summary>The last day on which the review was in time (inclusive).</summary>
    public required LocalDate DueBy { get; init; }

    /// <summary>Whether the review was held on or before <see cref="DueBy"/> (or, by option, lawfully adjourned past it).</summary>
    public required bool OnTime { get; init; }

    /// <summary>The deadline assessment: lateness in days, and in working days for a first review.</summary>
    public required Deadline Deadline { get; init; }

    /// <summary>How many days before <see cref="DueBy"/> it was held; 0 when on the day or late. For information only: an early review is never an error (REV-4).</summary>
    public required int HeldEarlyByDays { get; init; }

    /// <summary>Whether the review was late only because of a lawful adjournment under CPPCR 2010 reg 36 (REV-5b).</summary>
    public required bool AdjournedUnderReg36 { get; init; }

    /// <summary>The timing rule, its citation and a one-line reason.</summary>
    public required Finding Finding { get; init; }

    /// <summary>REV-5: the adjournment check, when the review was adjourned.</summary>
    public Finding? Adjournment { get; init; }

    /// <summary>REV-6: the day by which the recommendations are due on the child's file (local policy; 5 working days by default).</summary>
    public required LocalDate RecommendationsDueBy { get; init; }

    /// <summary>REV-6: the day by which the minutes are due (local policy; 15 working days by default).</summary>
    public required LocalDate MinutesDueBy { get; init; }

    /// <summary>REV-6: the recommendations deadline assessed, or <see langword="null"/> when the date they were done is not recorded.</summary>
    public Deadline? Recommendations { get; init; }

    /// <summary>REV-6: the minutes deadline assessed, or <see langword="null"/> when the date they were sent is not recorded.</summary>
    public Deadline? Minutes { get; init; }

    /// <summary>REV-6: the explanation of the two post-review deadlines.</summary>
    public required Finding Record { get; init; }

    /// <summary>REV-10: the IRO's visit in the window before the review, when visits are recorded.</summary>
    public Finding? IroVisit { get; init; }
}

/// <summary>The review timetable of one period of care as of a date: each review held, and the next one due.</summary>
/// <remarks>Immutable and thread-safe. Rules REV-1 to REV-10; citation: CPPCR 2010 Part 6 (regs 32-38 and 48).</remarks>
public sealed record ReviewTimeline
{
    /// <summary>The day the child became looked after.</summary>
    public required LocalDate PeriodStart { get; init; }

    /// <summary>The last day of the period, if it has ended.</summary>
    public LocalDate? PeriodEnd { get; init; }

    /// <summary>The date the timeline was evaluated as of.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The timetable followed: ordinary or short breaks.</summary>
    public required ReviewTimetableKind Timetable { get; init; }

    /// <summary>The reviews held, in date order, numbered from 1.</summary>
    public required IReadOnlyList<HeldReview> Reviews { get; init; }

    /// <summary>The number the next review will have.</summary>
    public required int NextNumber { get; init; }

    /// <summary>The due date of the next review after the last one held.</summary>
    public required LocalDate NextDueBy { get; init; }

    /// <summary>The next review's deadline as of <see cref="AsOf"/> (or as of the period's end, if earlier).</summary>
    public required Deadline Next { get; init; }

    /// <summary>Whether the next review was not held by <see cref="NextDueBy"/> while the period lasted.</summary>
    public bool IsOverdue => Next.Timeliness == Timeliness.Overdue;

    /// <summary>The explanation of the next review's deadline.</summary>
    public required Finding NextFinding { get; init; }

    /// <summary>REV-7: one finding per significant change supplied.</summary>
    public required IReadOnlyList<Finding> SignificantChanges { get; init; }

    /// <summary>REV-9: why the short-break timetable does or does not apply, when short breaks are supplied.</summary>
    public Finding? ShortBreakConditions { get; init; }

    /// <summary>Every finding: each review's timing, adjournment, record and visit, then the next review, significant changes and short-break conditions.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}
