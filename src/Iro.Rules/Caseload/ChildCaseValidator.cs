using System;
using System.Collections.Generic;
using System.Linq;
using FluentValidation;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>Validates a <see cref="ChildCase"/> at the edge, listing every reason with a stable code, the child, the field and the value.</summary>
/// <remarks>Built once and shared: thread-safe. Codes: <c>IN-ID-MISSING</c>, <c>IN-EPISODES</c>, <c>IN-EPISODE-BEFORE-BIRTH</c>,
/// <c>IN-REVIEW-BEFORE-CARE</c>, <c>IN-REVIEW-DUPLICATE</c>, <c>IN-REVIEW-RECORD</c>, <c>IN-PN-CODE</c>, <c>IN-DATE-RANGE</c>,
/// <c>IN-SECURE</c>, <c>IN-ESCALATION</c>, <c>IN-ESCALATION-STAGE</c> (a stage the policy's dispute resolution protocol does not define),
/// <c>IN-IRO-ALLOCATION</c> (an IRO allocation with a blank IRO; its date, like every optional date, is <c>IN-DATE-RANGE</c>).</remarks>
public sealed class ChildCaseValidator : AbstractValidator<ChildCase>
{
    private readonly Escalation.DisputeResolutionProtocol protocol;

    /// <summary>The shared instance, for the default policy.</summary>
    public static ChildCaseValidator Instance { get; } = new();

    /// <summary>Creates the validator for a local policy (its dispute resolution protocol decides which escalation stages exist).</summary>
    /// <param name="policy">The policy; the default when null.</param>
    public ChildCaseValidator(LocalPolicy? policy = null)
    {
        protocol = (policy ?? LocalPolicy.Default).DisputeResolution;
        RuleFor(c => c.Id).NotEmpty().WithErrorCode("IN-ID-MISSING").WithMessage("child ID is blank.");
        RuleFor(c => c.DateOfBirth)
            .Must(ChildChecks.DateInRange)
            .WithErrorCode("IN-DATE-RANGE")
            .WithMessage(c => $"child {c.Id}: DOB {DateFormat.Iso(c.DateOfBirth)} is outside 1900-2100.");
        RuleFor(c => c.Episodes).Custom((episodes, context) =>
        {
            ChildCase child = context.InstanceToValidate;
            if (episodes.Count == 0)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: has no episodes.") { ErrorCode = "IN-EPISODES" });
                return;
            }

            foreach (Episode e in episodes.Where(e => !ChildChecks.EpisodeWellFormed(e)))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes",
                    $"child {child.Id}: the episode from {DateFormat.Iso(e.Start)} has an undefined legal status ({(int)e.LegalStatus}) or reason for new episode ({(int)e.Reason}), or a date not in the ISO calendar.")
                {
                    ErrorCode = "IN-EPISODES",
                    AttemptedValue = DateFormat.Iso(e.Start),
                });
                return;
            }

            try
            {
                Episodes.SplitIntoPeriods(episodes);
            }
            catch (ArgumentException e)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}") { ErrorCode = "IN-EPISODES", AttemptedValue = episodes.Count });
            }

            foreach (Episode e in episodes.Where(e => ChildChecks.StartsBeforeBirth(ChildCase.DayNumber(e.Start), ChildCase.DayNumber(child.DateOfBirth))))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: episode start {DateFormat.Iso(e.Start)} is before the date of birth {DateFormat.Iso(child.DateOfBirth)}.")
                {
                    ErrorCode = "IN-EPISODE-BEFORE-BIRTH",
                    AttemptedValue = DateFormat.Iso(e.Start),
                });
            }

            foreach (Episode e in episodes.Where(e => !ChildChecks.EpisodeInYears(ChildCase.DayNumber(e.Start), e.End is LocalDate end ? ChildCase.DayNumber(end) : ChildCase.OpenEnd)))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: episode from {DateFormat.Iso(e.Start)} is outside the supported years 1971-2100.")
                {
                    ErrorCode = "IN-DATE-RANGE",
                    AttemptedValue = DateFormat.Iso(e.Start),
                });
            }
        });
        RuleFor(c => c.Reviews).Custom((reviews, context) =>
        {
            ChildCase child = context.InstanceToValidate;
            LocalDateOrNull first = child.Episodes.Count == 0 ? default : new(child.Episodes.Min(e => e.Start));
            foreach (CaseReview r in reviews)
            {
                if (r.Date.Calendar != NodaTime.CalendarSystem.Iso)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} is not an ISO date.")
                    {
                        ErrorCode = "IN-DATE-RANGE",
                        AttemptedValue = DateFormat.Iso(r.Date),
                    });
                    continue;
                }

                if (first.HasValue && r.Date < first.Value)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} is before the child was first looked after on {DateFormat.Iso(first.Value)}.")
                    {
                        ErrorCode = "IN-REVIEW-BEFORE-CARE",
                        AttemptedValue = DateFormat.Iso(r.Date),
                    });
                }

                if (ChildChecks.UnknownCode(r.Code))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} has an unknown participation code {(int)r.Code!.Value}.") { ErrorCode = "IN-PN-CODE" });
                }

                foreach ((string field, LocalDate? sent) in new[] { ("RecommendationsOn", r.RecommendationsOn), ("MinutesOn", r.MinutesOn) })
                {
                    if (sent is LocalDate on && on < r.Date)
                    {
                        context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} has {field} {DateFormat.Iso(on)}, before the review.")
                        {
                            ErrorCode = "IN-REVIEW-RECORD",
                            AttemptedValue = DateFormat.Iso(on),
                        });
                    }
                }
            }

            foreach (var group in reviews.GroupBy(r => r.Date).Where(g => g.Count() > 1))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: two reviews on {DateFormat.Iso(group.Key)}.")
                {
                    ErrorCode = "IN-REVIEW-DUPLICATE",
                    AttemptedValue = DateFormat.Iso(group.Key),
                });
            }
        });
        RuleFor(c => c).Custom((child, context) =>
        {
            if (ChildChecks.OptionalDateOutOfRange(child) is (string field, LocalDate value))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(field, $"child {child.Id}: {field} {DateFormat.Iso(value)} is outside 1900-2100 (or not an ISO date).")
                {
                    ErrorCode = "IN-DATE-RANGE",
                    AttemptedValue = DateFormat.Iso(value),
                });
            }
        });
        RuleFor(c => c.SecureStays).Custom((stays, context) =>
        {
            ChildCase child = context.InstanceToValidate;
            for (int i = 0; stays is not null && i < stays.Count; i++)
            {
                SecureStay s = stays[i];
                if ((s.End is LocalDateTime end && end < s.Start) || (i > 0 && (stays[i - 1].End is not LocalDateTime previous || s.Start < previous)))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("SecureStays", $"child {child.Id}: the secure stay from {s.Start:uuuu-MM-dd HH:mm} ends before it starts, overlaps another, or follows an open stay.")
                    {
                        ErrorCode = "IN-SECURE",
                        AttemptedValue = s.Start.ToString("uuuu-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
            }
        });
        RuleFor(c => c.IroAllocations).Custom((allocations, context) =>
        {
            ChildCase child = context.InstanceToValidate;
            foreach (IroAllocation a in (allocations ?? Array.Empty<IroAllocation>()).Where(a => !ChildChecks.AllocationWellFormed(a)))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("IroAllocations", $"child {child.Id}: the IRO allocation from {DateFormat.Iso(a.From)} names no IRO (blank).")
                {
                    ErrorCode = "IN-IRO-ALLOCATION",
                    AttemptedValue = a.Iro ?? string.Empty,
                });
            }
        });
        RuleForEach(c => c.SecureOrders).Must(o => o.End >= o.Start).WithErrorCode("IN-SECURE")
            .WithMessage((c, o) => $"child {c.Id}: secure order from {DateFormat.Iso(o.Start)} ends {DateFormat.Iso(o.End)}, before it starts.");
        RuleForEach(c => c.SecureReviews).Must(r => r.PanelSize >= 0 && r.IndependentMembers >= 0 && r.IndependentMembers <= r.PanelSize).WithErrorCode("IN-SECURE")
            .WithMessage((c, r) => $"child {c.Id}: secure review on {DateFormat.Iso(r.HeldOn)} has an impossible panel ({r.PanelSize} members, {r.IndependentMembers} independent).");
        RuleForEach(c => c.Escalations).Custom((e, context) =>
        {
            ChildCase child = context.InstanceToValidate;
            string? problem = e.Steps is null || e.Steps.Count == 0 ? "has no stages"
                : e.Steps.Any(s => s is null) ? "has a missing (null) stage"
                : e.Steps.FirstOrDefault(s => s.Stage < 1 || s.CompletedOn < s.RaisedOn) is { } bad ? $"has stage {bad.Stage} raised {DateFormat.Iso(bad.RaisedOn)}, completed before it was raised or numbered below 1"
                : e.ResolvedOn is LocalDate resolved && resolved < e.Steps.Min(s => s.RaisedOn) ? $"was resolved on {DateFormat.Iso(resolved)}, before it was raised"
                : null;
            if (problem is not null)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Escalations", $"child {child.Id}: an escalation {problem}.") { ErrorCode = "IN-ESCALATION" });
            }
            else if (UndefinedStage(e, protocol) is int stage)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Escalations",
                    $"child {child.Id}: an escalation has stage {stage}, which the dispute resolution protocol does not define (stages {string.Join(", ", protocol.Stages.Select(s => s.Number))}).")
                {
                    ErrorCode = "IN-ESCALATION-STAGE",
                    AttemptedValue = stage,
                });
            }
        });
    }

    /// <summary>Whether the record is valid, as <c>Validate(child).IsValid</c> says, but without allocating for a valid
    /// record: an allocation-free check first, and the full rules only for a record it does not pass.</summary>
    /// <remarks>Bulk readers check each record with this, and call <c>Validate</c> for the reasons only when it is
    /// false. The caseload evaluator's gate is the same check.</remarks>
    /// <param name="child">The record.</param>
    /// <returns><see langword="true"/> if the record is valid.</returns>
    public bool IsValid(ChildCase child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return PassesQuickly(child) || Validate(child).IsValid;
    }

    /// <summary>Every reason the record is not valid, as data (code, field, value, message).</summary>
    internal IReadOnlyList<Rejection> Rejections(ChildCase child) =>
        Validate(child).Errors.Select(e => new Rejection(e.ErrorCode, e.PropertyName, Convert.ToString(e.AttemptedValue, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, e.ErrorMessage)).ToArray();

    /// <summary>
    /// An allocation-free check that passes only records the full validator would pass: the evaluator's fast path.
    /// A record it does not pass (a bad one, or one with secure or escalation facts) goes through the full validator,
    /// which decides and lists every reason; so this check can be conservative but never wrong.
    /// </summary>
    internal bool PassesQuickly(ChildCase child)
    {
        int birth = child.Index.BirthDay;
        int[] starts = child.Index.EpisodeStartDays;
        if (!child.Index.AllIso || child.HasSecure || child.Index.RecordBeforeReview || starts.Length == 0
            || !ChildChecks.DateInRange(child.DateOfBirth) || child.Index.IdIsBlank || ChildChecks.OptionalDateOutOfRange(child) is not null)
        {
            return false;
        }

        int[] ends = child.Index.EpisodeEndDays;
        for (int i = 0; i < starts.Length; i++)
        {
            int start = starts[i], end = ends[i];
            if (ChildChecks.StartsBeforeBirth(start, birth) || !ChildChecks.EpisodeInYears(start, end) || !ChildChecks.EpisodeWellFormed(child.SortedEpisodes[i])
                || (end != ChildCase.OpenEnd && end < start)
                || (i > 0 && start < ends[i - 1])) // an open episode before another ends at OpenEnd, so this catches it too
            {
                return false;
            }
        }

        int[] reviews = child.Index.ReviewDays;
        CaseReview[] records = child.SortedReviews;
        for (int i = 0; i < reviews.Length; i++)
        {
            if (reviews[i] < starts[0] || (i > 0 && reviews[i - 1] == reviews[i])
                || ChildChecks.UnknownCode(records[i].Code))
            {
                return false;
            }
        }

        IReadOnlyList<IroAllocation>? allocations = child.IroAllocations;
        for (int i = 0; allocations is not null && i < allocations.Count; i++)
        {
            if (!ChildChecks.AllocationWellFormed(allocations[i]))
            {
                return false;
            }
        }

        return child.Escalations is not { } escalations || EscalationsPassQuickly(escalations, protocol);
    }

    /// <summary>The first stage of <paramref name="escalation"/> that <paramref name="protocol"/> does not define, or null (IN-ESCALATION-STAGE); shared by both checks, allocation-free.</summary>
    private static int? UndefinedStage(Escalation.DisputeEscalation escalation, Escalation.DisputeResolutionProtocol protocol)
    {
        for (int k = 0; k < escalation.Steps.Count; k++)
        {
            int stage = escalation.Steps[k].Stage;
            bool defined = false;
            for (int d = 0; d < protocol.Stages.Count && !defined; d++)
            {
                defined = protocol.Stages[d].Number == stage;
            }

            if (!defined)
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>The escalation rules above (IN-ESCALATION, IN-ESCALATION-STAGE), without allocating.</summary>
    private static bool EscalationsPassQuickly(IReadOnlyList<Escalation.DisputeEscalation> escalations, Escalation.DisputeResolutionProtocol protocol)
    {
        for (int i = 0; i < escalations.Count; i++)
        {
            IReadOnlyList<Escalation.EscalationStep>? steps = escalations[i].Steps;
            if (steps is null || steps.Count == 0)
            {
                return false;
            }

            LocalDate firstRaised = LocalDate.MaxIsoValue;
            for (int k = 0; k < steps.Count; k++)
            {
                if (steps[k] is not { } step || step.Stage < 1 || step.CompletedOn < step.RaisedOn)
                {
                    return false;
                }

                firstRaised = step.RaisedOn < firstRaised ? step.RaisedOn : firstRaised;
            }

            if (escalations[i].ResolvedOn < firstRaised || UndefinedStage(escalations[i], protocol) is not null)
            {
                return false;
            }
        }

        return true;
    }


    /// <summary>The earliest period start the review timetables model (RCCR 1991).</summary>
    internal static NodaTime.LocalDate ReviewsFrom { get; } = new(1991, 10, 14);

    private readonly record struct LocalDateOrNull(NodaTime.LocalDate Value)
    {
        public bool HasValue => Value != default;
    }
}
