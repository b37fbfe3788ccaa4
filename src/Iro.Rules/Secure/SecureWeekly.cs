using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.Secure;

/// <summary>The weekly list's secure accommodation rules, from what the record holds: SEC-4 (order length), SEC-2 with SEC-3 (72 hours without court authority, with the evaluator's bank holidays), SEC-5 (reviews of the current placement).</summary>
/// <remarks>Only records that hold secure facts reach here; every flag is the rule's own finding.</remarks>
internal static class SecureWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        if (view.Child.HasSecure)
        {
            Assess(view, run, flags); // apart, so the lambdas' closure is allocated only for a child with secure facts
        }
    }

    private static void Assess(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        LocalDateTime endOfDay = asOf.PlusDays(1).AtMidnight();
        IReadOnlyList<SecureOrder> orders = child.SecureOrders ?? Array.Empty<SecureOrder>();
        foreach (SecureOrder order in orders)
        {
            if (order.Start <= asOf && SecureAccommodation.AssessOrder(order) is { Outcome: Outcome.NotMet } f)
            {
                WeeklyRun.Add(flags, view, FlagStatus.Flag, order.Start, f);
            }
        }

        if (child.SecureStays is not { Count: > 0 } stays)
        {
            return;
        }

        SecureInterval[] placed = stays.Where(s => s.Start < endOfDay)
            .Select(s => SecureInterval.InLondon(s.Start, s.End is LocalDateTime end && end < endOfDay ? end : endOfDay))
            .ToArray();
        SecureInterval[] authorised = orders.Where(o => o.Start <= asOf).Select(o => SecureInterval.InLondon(o.Start.AtMidnight(), o.End.PlusDays(1).AtMidnight())).ToArray();
        SecureTimeResult time = SecureTimeLimit.Assess(placed, authorised, run.Policy, run.Calendar.BankHolidays);
        if (!time.IsWithinLimit)
        {
            LocalDate reached = time.LimitReachedAt is Instant at ? at.InZone(SecureInterval.London).Date : asOf;
            WeeklyRun.Add(flags, view, FlagStatus.Flag, reached, time.Finding);
        }

        SecureStay current = stays.LastOrDefault(s => s.Start.Date <= asOf);
        if (current != default && (current.End is not LocalDateTime left || left.Date > asOf))
        {
            LocalDate placedOn = current.Start.Date;
            SecureReviewTimeline reviews = SecureAccommodation.Reviews(placedOn, (child.SecureReviews ?? Array.Empty<SecureReview>()).Where(r => r.HeldOn >= placedOn && r.HeldOn <= asOf), asOf);
            if (reviews.Next.Timeliness == Timeliness.Overdue || (reviews.Next.Timeliness == Timeliness.NotYetDue && run.DueSoon(asOf, reviews.NextDueBy)))
            {
                WeeklyRun.Add(flags, view, reviews.Next.Timeliness == Timeliness.Overdue ? FlagStatus.Overdue : FlagStatus.DueSoon, reviews.NextDueBy, reviews.NextFinding);
            }

            foreach (SecureReviewOutcome r in reviews.Reviews.Where(static r => !r.PanelMeetsRegulations))
            {
                WeeklyRun.Add(flags, view, FlagStatus.Flag, r.Review.HeldOn, r.Finding);
            }
        }
    }
}
