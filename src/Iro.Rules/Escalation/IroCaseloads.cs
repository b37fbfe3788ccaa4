using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iro.Rules.Caseload;
using Iro.Rules.Internal;
using NodaTime;

namespace Iro.Rules.Escalation;

/// <summary>The council's IROs and each one's full-time equivalent (FTE), for IRO-3's pro-rated range.</summary>
/// <remarks>Immutable and thread-safe. Rule IRO-3; citation: IRO Handbook 2010 ch. 7. An IRO not on the roster counts
/// as 1.0 FTE (a full-time IRO), so a caseload is never judged against a range smaller than the data supports; an
/// empty roster (<see cref="Empty"/>) counts every IRO as full-time. IROs are matched by their identifier exactly
/// (ordinal), as <see cref="IroAllocation.Iro"/> records it.</remarks>
public sealed class IroRoster
{
    private readonly Dictionary<string, decimal> fte;

    /// <summary>A roster.</summary>
    /// <param name="fullTimeEquivalents">Each IRO's identifier and FTE (above 0 and at most 1.5, as <see cref="IroChecks.Caseload"/> takes it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="fullTimeEquivalents"/> is null.</exception>
    /// <exception cref="ArgumentException">An identifier is blank or given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An FTE is zero, negative or over 1.5.</exception>
    public IroRoster(IEnumerable<KeyValuePair<string, decimal>> fullTimeEquivalents)
    {
        Preconditions.CheckNotNull(fullTimeEquivalents, nameof(fullTimeEquivalents));
        fte = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach ((string iro, decimal value) in fullTimeEquivalents)
        {
            if (string.IsNullOrWhiteSpace(iro))
            {
                throw new ArgumentException("An IRO identifier on the roster is blank (IRO-3).", nameof(fullTimeEquivalents));
            }

            if (value <= 0m || value > 1.5m)
            {
                throw new ArgumentOutOfRangeException(nameof(fullTimeEquivalents), value,
                    $"IRO {iro}: FTE {value.ToString(CultureInfo.InvariantCulture)}; it must be above 0 and at most 1.5 (IRO-3).");
            }

            if (!fte.TryAdd(iro, value))
            {
                throw new ArgumentException($"IRO {iro} is on the roster twice (IRO-3).", nameof(fullTimeEquivalents));
            }
        }

        Iros = Array.AsReadOnly(fte.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>An empty roster: every IRO counts as 1.0 FTE.</summary>
    public static IroRoster Empty { get; } = new(Array.Empty<KeyValuePair<string, decimal>>());

    /// <summary>The IROs on the roster, in ordinal order.</summary>
    public IReadOnlyList<string> Iros { get; }

    /// <summary>Whether <paramref name="iro"/> is on the roster.</summary>
    /// <param name="iro">The IRO's identifier.</param>
    /// <returns><see langword="true"/> if listed.</returns>
    public bool Contains(string iro) => iro is not null && fte.ContainsKey(iro);

    /// <summary>The IRO's FTE: as listed, or 1.0 for an IRO not on the roster.</summary>
    /// <param name="iro">The IRO's identifier.</param>
    /// <returns>The FTE.</returns>
    public decimal FullTimeEquivalentOf(string iro) => iro is not null && fte.TryGetValue(iro, out decimal value) ? value : 1.0m;
}

/// <summary>One IRO's caseload on a date, assessed against the range pro-rated by FTE (IRO-3).</summary>
/// <remarks>Immutable. Rule IRO-3; citation: IRO Handbook 2010 ch. 7.</remarks>
/// <param name="Iro">The IRO's identifier.</param>
/// <param name="Children">Distinct children with an open period of care allocated to the IRO on the date.</param>
/// <param name="FullTimeEquivalent">The IRO's FTE (1.0 when not on the roster).</param>
/// <param name="OnRoster">Whether the IRO is on the roster (otherwise counted as 1.0 FTE).</param>
/// <param name="Assessment">Below, within or above the range, with its finding (<see cref="IroChecks.Caseload"/>).</param>
public sealed record IroCaseload(string Iro, int Children, decimal FullTimeEquivalent, bool OnRoster, CaseloadAssessment Assessment);

/// <summary>IRO-3 over a whole caseload in one pass: each child added once, then every IRO's caseload on the date.</summary>
/// <remarks>
/// <para>Thread-safe: <see cref="Add"/> may be called from several threads (an <see cref="ICaseloadSink"/> calls it from one).
/// Rule IRO-3; citation: IRO Handbook 2010 ch. 7. A child counts for the IRO allocated to it on <see cref="AsOf"/>
/// (<see cref="IroChecks.AllocationOn"/>) when it is looked after that day (an episode covers it), once: add each
/// child once. A child looked after with allocations recorded but none in force is
/// counted in <see cref="ChildrenWithoutIro"/>; a child whose allocations are not recorded (null) is not counted.</para>
/// <para>Example (default policy, 50-70 per 1.0 FTE): 72 children and 1.0 FTE, above; 40 children and 0.6 FTE
/// (range 30-42), within; 45 children and 1.0 FTE, below (information).</para>
/// </remarks>
public sealed class IroCaseloadCounter
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> children = new(StringComparer.Ordinal);
    private readonly LocalPolicy policy;
    private int withoutIro;

    /// <summary>A counter for one date.</summary>
    /// <param name="asOf">The date the caseloads are counted on.</param>
    /// <param name="roster">The IROs' FTEs; <see cref="IroRoster.Empty"/> (everyone 1.0 FTE) when null.</param>
    /// <param name="policy">The policy (<see cref="LocalPolicy.CaseloadMin"/>, <see cref="LocalPolicy.CaseloadMax"/>); the default when null.</param>
    public IroCaseloadCounter(LocalDate asOf, IroRoster? roster = null, LocalPolicy? policy = null)
    {
        AsOf = asOf;
        Roster = roster ?? IroRoster.Empty;
        this.policy = policy ?? LocalPolicy.Default;
    }

    /// <summary>The date the caseloads are counted on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The roster.</summary>
    public IroRoster Roster { get; }

    /// <summary>Children looked after on <see cref="AsOf"/> whose allocations are recorded but name no IRO in force that day.</summary>
    public int ChildrenWithoutIro
    {
        get
        {
            lock (gate)
            {
                return withoutIro;
            }
        }
    }

    /// <summary>Adds one child (a child not looked after on <see cref="AsOf"/>, or whose allocations are not recorded, counts nowhere).</summary>
    /// <param name="child">The child's record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="child"/> is null.</exception>
    public void Add(ChildCase child)
    {
        Preconditions.CheckNotNull(child, nameof(child));
        if (child.IroAllocations is null || !LookedAfterOn(child, AsOf))
        {
            return;
        }

        IroAllocation? now = IroChecks.AllocationOn(child, AsOf);
        lock (gate)
        {
            if (now is IroAllocation a && !string.IsNullOrWhiteSpace(a.Iro))
            {
                children[a.Iro] = children.TryGetValue(a.Iro, out int n) ? n + 1 : 1;
            }
            else
            {
                withoutIro++;
            }
        }
    }

    /// <summary>Every IRO with a child allocated on <see cref="AsOf"/>, and every IRO on the roster (0 children when none), in ordinal order of identifier, each assessed.</summary>
    /// <returns>The caseloads.</returns>
    public IReadOnlyList<IroCaseload> Build()
    {
        KeyValuePair<string, int>[] counted;
        lock (gate)
        {
            counted = children.ToArray();
        }

        var all = counted.ToDictionary(static c => c.Key, static c => c.Value, StringComparer.Ordinal);
        foreach (string iro in Roster.Iros)
        {
            all.TryAdd(iro, 0);
        }

        return Array.AsReadOnly(all.OrderBy(static c => c.Key, StringComparer.Ordinal)
            .Select(c =>
            {
                decimal fte = Roster.FullTimeEquivalentOf(c.Key);
                return new IroCaseload(c.Key, c.Value, fte, Roster.Contains(c.Key), IroChecks.Caseload(c.Value, fte, policy));
            })
            .ToArray());
    }

    private static bool LookedAfterOn(ChildCase child, LocalDate date)
    {
        IReadOnlyList<Legal.Episode> episodes = child.Episodes;
        for (int i = episodes.Count - 1; i >= 0; i--)
        {
            if (episodes[i].Covers(date))
            {
                return true;
            }
        }

        return false;
    }
}
