using System;
using System.Linq;
using FluentValidation;
using Iro.Rules.Internal;
using Iro.Rules.Legal;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>Validates a <see cref="ChildCase"/> at the edge, listing every reason with a stable code, the child, the field and the value.</summary>
/// <remarks>Built once and shared: thread-safe. Codes: <c>IN-ID-MISSING</c>, <c>IN-EPISODES</c>, <c>IN-EPISODE-BEFORE-BIRTH</c>,
/// <c>IN-REVIEW-BEFORE-CARE</c>, <c>IN-REVIEW-DUPLICATE</c>, <c>IN-DATE-RANGE</c>.</remarks>
public sealed class ChildCaseValidator : AbstractValidator<ChildCase>
{
    /// <summary>The shared instance.</summary>
    public static ChildCaseValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public ChildCaseValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithErrorCode("IN-ID-MISSING").WithMessage("child ID is blank.");
        RuleFor(c => c.DateOfBirth)
            .Must(d => d.Calendar == NodaTime.CalendarSystem.Iso && d.Year >= 1900 && d.Year <= 2100)
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

            try
            {
                Episodes.SplitIntoPeriods(episodes);
            }
            catch (ArgumentException e)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}") { ErrorCode = "IN-EPISODES", AttemptedValue = episodes.Count });
            }

            foreach (Episode e in episodes.Where(e => e.Start < child.DateOfBirth))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Episodes", $"child {child.Id}: episode start {DateFormat.Iso(e.Start)} is before the date of birth {DateFormat.Iso(child.DateOfBirth)}.")
                {
                    ErrorCode = "IN-EPISODE-BEFORE-BIRTH",
                    AttemptedValue = DateFormat.Iso(e.Start),
                });
            }

            foreach (Episode e in episodes.Where(e => e.Start.Year < 1971 || e.Start.Year > 2100 || e.End is LocalDate end && end.Year > 2100))
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
                if (first.HasValue && r.Date < first.Value)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} is before the child was first looked after on {DateFormat.Iso(first.Value)}.")
                    {
                        ErrorCode = "IN-REVIEW-BEFORE-CARE",
                        AttemptedValue = DateFormat.Iso(r.Date),
                    });
                }

                if (r.Code is { } code && !Enum.IsDefined(code))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Reviews", $"child {child.Id}: review on {DateFormat.Iso(r.Date)} has an unknown participation code {(int)code}.") { ErrorCode = "IN-PN-CODE" });
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
    }

    /// <summary>The earliest period start the review timetables model (RCCR 1991).</summary>
    internal static NodaTime.LocalDate ReviewsFrom { get; } = new(1991, 10, 14);

    private readonly record struct LocalDateOrNull(NodaTime.LocalDate Value)
    {
        public bool HasValue => Value != default;
    }
}
