using System.Collections.Generic;
using Iro.Rules.Caseload;
using Iro.Rules.Explanations;
using Iro.Rules.Timescales;
using NodaTime;

namespace Iro.Rules.LeavingCare;

/// <summary>The weekly list's LC-5: an eligible child (in care) or a relevant child (left care at 16 or 17) from 16 years 3 months to 18 without a pathway plan.</summary>
/// <remarks>Screened by age and plan with integers; the finding is <see cref="CareLeavers.PathwayPlanInPlace"/>'s own, on the episodes as known on the as-of date.</remarks>
internal static class LeavingCareWeekly
{
    public static void Evaluate(in ChildView view, WeeklyRun run, List<CaseloadFlag> flags)
    {
        ChildCase child = view.Child;
        LocalDate asOf = view.AsOf;
        if (view.KnownEpisodes == 0 || view.AsOfDay - child.Index.BirthDay < 16 * 365 || (child.PathwayPlanOn is LocalDate made && made <= asOf))
        {
            return; // never looked after by then, under 16 (16 years are at least 16 x 365 days), or a plan in place
        }

        LocalDate requiredFrom = CareLeavers.PathwayPlanRequiredFrom(child.DateOfBirth, run.Policy);
        if (asOf < requiredFrom || asOf >= Age.AnniversaryTrusted(child.DateOfBirth, 18, run.Policy.LeapDayBirthday))
        {
            return;
        }

        Finding f = CareLeavers.PathwayPlanInPlace(new CareLeaverFacts(child.DateOfBirth, view.Known()), null, asOf, run.Policy);
        if (f.Outcome == Outcome.NotMet)
        {
            WeeklyRun.Add(flags, view, FlagStatus.Overdue, requiredFrom, f);
        }
    }
}
