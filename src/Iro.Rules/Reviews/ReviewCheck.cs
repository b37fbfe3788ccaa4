using NodaTime;

namespace Iro.Rules.Reviews;

/// <summary>One review's timing, without its explanation: the allocation-free result of <c>ReviewSchedule.Check</c>.</summary>
/// <remarks>Immutable. Rules REV-1 to REV-4; citation: CPPCR 2010 reg 33 (RCCR 1991 reg 3 before 1 April 2011). For the explanation, use <see cref="ReviewSchedule.Evaluate(CarePeriod, LocalDate)"/>.</remarks>
/// <param name="Number">The review's number in the period of care, from 1.</param>
/// <param name="HeldOn">The date it was held.</param>
/// <param name="DueBy">The last day on which it was in time.</param>
/// <param name="OnTime">Whether <paramref name="HeldOn"/> is on or before <paramref name="DueBy"/>.</param>
public readonly record struct ReviewCheck(int Number, LocalDate HeldOn, LocalDate DueBy, bool OnTime);

/// <summary>A period of care's review status as of a date: the allocation-free summary of <c>ReviewSchedule.Check</c>.</summary>
/// <remarks>Immutable. Rules REV-1 to REV-4; citation: CPPCR 2010 reg 33.</remarks>
/// <param name="ReviewsHeld">The number of reviews held.</param>
/// <param name="LateReviews">How many of them were late.</param>
/// <param name="NextNumber">The number the next review will have.</param>
/// <param name="NextDueBy">The next review's due date.</param>
/// <param name="IsOverdue">Whether the next review's due date has passed as of the date asked.</param>
public readonly record struct ReviewStatus(int ReviewsHeld, int LateReviews, int NextNumber, LocalDate NextDueBy, bool IsOverdue);
