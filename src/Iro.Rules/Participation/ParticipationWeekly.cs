using System.Collections.Generic;
using Iro.Rules.Caseload;
using NodaTime;

namespace Iro.Rules.Participation;

/// <summary>The weekly list's PAR-1: each review held by the as-of date with no PN code, or a code wrong for the child's age.</summary>
/// <remarks>An allocation-free screen (<see cref="ParticipationCodes.IsValidGivenFourthBirthday"/>), then <see cref="ParticipationCodes.ValidateRecorded"/>'s finding.</remarks>
internal static class ParticipationWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        CaseReview[] reviews = child.SortedReviews;
        int[] days = child.Index.ReviewDays;
        LocalDate fourth = default;
        bool fourthKnown = false;
        for (int i = 0; i < view.ReviewsKnown; i++)
        {
            CaseReview r = reviews[i];
            if (days[i] < child.Index.BirthDay)
            {
                continue;
            }

            if (r.Code is ParticipationCode code)
            {
                if (!fourthKnown)
                {
                    fourth = ParticipationCodes.FourthBirthday(child.DateOfBirth, run.Policy);
                    fourthKnown = true;
                }

                if (ParticipationCodes.IsValidGivenFourthBirthday(code, fourth, r.Date, run.Policy))
                {
                    continue;
                }
            }

            WeeklyRun.Add(flags, view, FlagStatus.Flag, r.Date, ParticipationCodes.ValidateRecorded(r.Code, child.DateOfBirth, r.Date, run.Policy));
        }
    }
}
