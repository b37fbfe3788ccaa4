using System;
using System.Collections.Generic;
using Iro.Rules.Explanations;
using NodaTime;

namespace Iro.Rules.Caseload;

/// <summary>What kind of flag a weekly-list entry is.</summary>
public enum FlagStatus
{
    /// <summary>A deadline passed with nothing done ("overdue").</summary>
    Overdue = 0,

    /// <summary>A deadline coming up within the look-ahead ("due-soon").</summary>
    DueSoon = 1,

    /// <summary>A state or data finding, such as s20 over 3 months or a PN code wrong for the child's age ("flag").</summary>
    Flag = 2,
}

/// <summary>One entry of the weekly flag list: the rule's own finding, for one child, with a status and a date.</summary>
/// <remarks>Immutable. The finding is the one the rule's public API gives for the same facts (see docs/weekly-list.md):
/// rule id, outcome, citation, reason code and one-line reason.</remarks>
/// <param name="ChildId">The child (SSDA903 CHILD).</param>
/// <param name="Status">Overdue, due soon, or a flag.</param>
/// <param name="Date">The due date, or the date the flagged state began (per rule: docs/weekly-list.md).</param>
/// <param name="Finding">The rule's finding.</param>
public sealed record CaseloadFlag(string ChildId, FlagStatus Status, LocalDate Date, Finding Finding)
{
    /// <summary>The rule id, for example REV-2 or LOC-1.</summary>
    public RuleId Rule => Finding.Rule;

    /// <summary>The legal or local source of the rule.</summary>
    public Citation Citation => Finding.Citation;

    /// <summary>The one-line reason (the finding's summary).</summary>
    public string Reason => Finding.Summary;

    /// <summary>The status as the flag list writes it: <c>overdue</c>, <c>due-soon</c> or <c>flag</c>.</summary>
    public string StatusText => Status switch { FlagStatus.Overdue => "overdue", FlagStatus.DueSoon => "due-soon", _ => "flag" };
}

/// <summary>One reason a child could not be evaluated, as data.</summary>
/// <remarks>Immutable. Codes: the <see cref="ChildCaseValidator"/> codes (<c>IN-...</c>), <c>IN-NULL</c> (no record),
/// <c>IN-OUT-OF-RANGE</c> (a deadline after 2100-12-31, the end of the supported range), <c>IN-INCONSISTENT</c> (facts a
/// rule rejects that the validator does not check), and a reader's own codes (for SSDA903 files, <c>903-VALUE</c>).</remarks>
/// <param name="Code">A stable code, for example <c>IN-EPISODES</c>.</param>
/// <param name="Field">The field, for example <c>Episodes</c> or <c>REVIEW_CODE</c>.</param>
/// <param name="Value">The value found, as text (empty when none).</param>
/// <param name="Message">One line a person can act on.</param>
public sealed record Rejection(string Code, string Field, string Value, string Message)
{
    /// <summary>The file the value came from, for a record read from files; otherwise <see langword="null"/>.</summary>
    public string? File { get; init; }

    /// <summary>The line of <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The code and the message, for example "IN-EPISODES: child 1001: ...".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>One child's evaluation: the flags, or why the child could not be evaluated.</summary>
/// <remarks>Immutable. A child is evaluated whole or not at all: a child not evaluated has no flags.</remarks>
/// <param name="ChildId">The child.</param>
/// <param name="Flags">The open flags (empty when none, or when not evaluated).</param>
/// <param name="Rejections">Every reason the child was not evaluated; empty when evaluated.</param>
public sealed record ChildEvaluation(string ChildId, IReadOnlyList<CaseloadFlag> Flags, IReadOnlyList<Rejection> Rejections)
{
    /// <summary>Whether the child was evaluated (no rejection reasons).</summary>
    public bool Evaluated => Rejections.Count == 0;
}

/// <summary>How many children a bulk run read, evaluated and could not evaluate, and how many flags it wrote.</summary>
/// <param name="Read">Children read.</param>
/// <param name="Evaluated">Children evaluated.</param>
/// <param name="NotEvaluated">Children not evaluated (each reported with every reason).</param>
/// <param name="Flags">Flags written.</param>
public readonly record struct CaseloadTotals(int Read, int Evaluated, int NotEvaluated, int Flags);

/// <summary>Where a bulk evaluation writes its results: each flag, and each child not evaluated, in input order.</summary>
/// <remarks>Called from one thread at a time, in input order, even by a parallel evaluation.</remarks>
public interface ICaseloadSink
{
    /// <summary>Receives one flag.</summary>
    /// <param name="flag">The flag.</param>
    void Flag(CaseloadFlag flag);

    /// <summary>Receives one child that could not be evaluated, with every reason.</summary>
    /// <param name="child">The child's evaluation (no flags; its rejections).</param>
    void NotEvaluated(ChildEvaluation child);

    /// <summary>Told of each child that was evaluated, after its flags, in input order; does nothing unless implemented.</summary>
    /// <remarks>For work done in the same pass over the caseload, such as <see cref="AnnualFiguresBuilder.Add"/>: one read of the children, not two.</remarks>
    /// <param name="child">The child's record.</param>
    void Evaluated(ChildCase child)
    {
    }
}

/// <summary>An <see cref="ICaseloadSink"/> that keeps everything in two lists.</summary>
/// <remarks>Not thread-safe on its own; the evaluator calls it from one thread at a time.</remarks>
public sealed class CollectingCaseloadSink : ICaseloadSink
{
    private readonly List<CaseloadFlag> flags = new();
    private readonly List<ChildEvaluation> notEvaluated = new();

    /// <summary>The flags received, in order.</summary>
    public IReadOnlyList<CaseloadFlag> Flags => flags;

    /// <summary>The children not evaluated, in order.</summary>
    public IReadOnlyList<ChildEvaluation> NotEvaluatedChildren => notEvaluated;

    /// <inheritdoc/>
    public void Flag(CaseloadFlag flag) => flags.Add(flag ?? throw new ArgumentNullException(nameof(flag)));

    /// <inheritdoc/>
    public void NotEvaluated(ChildEvaluation child) => notEvaluated.Add(child ?? throw new ArgumentNullException(nameof(child)));
}
