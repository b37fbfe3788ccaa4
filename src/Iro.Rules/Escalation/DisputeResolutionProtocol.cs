using System;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Internal;

namespace Iro.Rules.Escalation;

/// <summary>When the dispute resolution clock starts (docs/rules.md DRP-1a).</summary>
public enum DrpClockStart
{
    /// <summary>The first stage the IRO raised, informal or not (the default; the stricter reading, and Manchester's wording).</summary>
    FirstStage = 0,

    /// <summary>The first formal stage, as the IRO Handbook applies the 20 working days to the formal process.</summary>
    FirstFormalStage = 1,
}

/// <summary>One stage of a council's dispute resolution protocol.</summary>
/// <remarks>Immutable. Rule DRP-1; citation: IRO Handbook 2010 ch. 6.</remarks>
/// <param name="Number">The stage number, from 1.</param>
/// <param name="Name">Who raises it to whom, for example "Informal escalation: IRO to Team Manager".</param>
/// <param name="IsFormal">Whether the stage is part of the formal process.</param>
/// <param name="LimitWorkingDays">A per-stage limit in working days from the day the stage was raised, or <see langword="null"/> for none.</param>
/// <param name="ClosesInternalClock">Whether raising this stage ends the internal process (a referral to Cafcass).</param>
public sealed record DrpStage(int Number, string Name, bool IsFormal, int? LimitWorkingDays = null, bool ClosesInternalClock = false);

/// <summary>A council's dispute resolution protocol as data: its stages, the overall ceiling, and when the clock starts (DRP-1).</summary>
/// <remarks>
/// Immutable. Rule DRP-1; citation: IRO Handbook 2010 ch. 6 para 6.2 (the formal process within 20 working days;
/// stages may be skipped). Another council supplies its own stages with <see cref="DisputeResolutionProtocol(IEnumerable{DrpStage}, int, DrpClockStart)"/>.
/// </remarks>
public sealed record DisputeResolutionProtocol
{
    private readonly DrpClockStart clockStart;

    /// <summary>A protocol.</summary>
    /// <param name="stages">The stages; numbers unique and at least 1.</param>
    /// <param name="overallLimitWorkingDays">The ceiling for the whole process, in working days from the clock start.</param>
    /// <param name="clockStart">When the clock starts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">No stages, a repeated or non-positive number, or a negative limit.</exception>
    public DisputeResolutionProtocol(IEnumerable<DrpStage> stages, int overallLimitWorkingDays = 20, DrpClockStart clockStart = DrpClockStart.FirstStage)
    {
        Preconditions.CheckNotNull(stages, nameof(stages));
        DrpStage[] sorted = stages.Select(s => Preconditions.CheckNotNull(s, nameof(stages))).OrderBy(static s => s.Number).ToArray();
        if (sorted.Length == 0 || sorted.Any(static s => s.Number < PolicyRanges.DrpStageNumber.Min || s.LimitWorkingDays < PolicyRanges.DrpStageLimitWorkingDays.Min) || sorted.Select(static s => s.Number).Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("A protocol needs at least one stage, stage numbers from 1 without repeats, and no negative limits (DRP-1).", nameof(stages));
        }

        PolicyRanges.DrpOverallLimitWorkingDays.Check(overallLimitWorkingDays, nameof(overallLimitWorkingDays));
        Stages = Array.AsReadOnly(sorted);
        OverallLimitWorkingDays = overallLimitWorkingDays;
        ClockStart = Preconditions.Defined(clockStart, nameof(clockStart));
    }

    /// <summary>Manchester City Council's protocol (seed IRO annual report): six stages, resolved within 20 working days of the first.</summary>
    public static DisputeResolutionProtocol Manchester { get; } = new(
    [
        new DrpStage(1, "Informal escalation: IRO to Team Manager", IsFormal: false),
        new DrpStage(2, "Formal: Safeguarding and Quality Assurance Manager to Locality Manager", IsFormal: true),
        new DrpStage(3, "Formal: Lead for Children's Safeguarding to Head of Service", IsFormal: true),
        new DrpStage(4, "Formal: Head of Quality Assurance for Safeguarding to Deputy Director", IsFormal: true),
        new DrpStage(5, "Formal: Head of Quality Assurance to Strategic Director", IsFormal: true),
        new DrpStage(6, "External: referral to Cafcass", IsFormal: true, ClosesInternalClock: true),
    ]);

    /// <summary>The stages in number order.</summary>
    public IReadOnlyList<DrpStage> Stages { get; }

    /// <summary>The ceiling for the whole process, in working days from the clock start.</summary>
    public int OverallLimitWorkingDays { get; }

    /// <summary>When the clock starts.</summary>
    public DrpClockStart ClockStart
    {
        get => clockStart;
        init => clockStart = Preconditions.Defined(value, nameof(ClockStart));
    }

    /// <summary>The stage with <paramref name="number"/>, or <see langword="null"/>.</summary>
    /// <param name="number">The stage number.</param>
    /// <returns>The stage definition.</returns>
    public DrpStage? Stage(int number) => Stages.FirstOrDefault(s => s.Number == number);

    /// <summary>Whether two protocols have the same stages, ceiling and clock start.</summary>
    /// <param name="other">The other protocol.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(DisputeResolutionProtocol? other) =>
        other is not null && Stages.SequenceEqual(other.Stages) && OverallLimitWorkingDays == other.OverallLimitWorkingDays && ClockStart == other.ClockStart;

    /// <summary>A hash of the stage count, ceiling and clock start.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Stages.Count, OverallLimitWorkingDays, ClockStart);
}
