using System;
using System.Globalization;
using NodaTime;

namespace Iro.Rules.Timescales;

/// <summary>A DfE / council reporting year: 1 April to 31 March, named by its two calendar years ("2024-25").</summary>
/// <remarks>Immutable. The SSDA903 return and IRO annual reports use this year. 2025-03-31 is in 2024-25; 2025-04-01 in 2025-26.</remarks>
/// <param name="StartYear">The calendar year in which the reporting year begins on 1 April.</param>
public readonly record struct ReportingYear(int StartYear) : IComparable<ReportingYear>
{
    /// <summary>The first day: 1 April of <see cref="StartYear"/>.</summary>
    public LocalDate Start => new(StartYear, 4, 1);

    /// <summary>The last day: 31 March of the following year.</summary>
    public LocalDate End => new(StartYear + 1, 3, 31);

    /// <summary>The reporting year containing <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The reporting year.</returns>
    public static ReportingYear Of(LocalDate date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Whether <paramref name="date"/> falls in this reporting year.</summary>
    /// <param name="date">Any date.</param>
    /// <returns><see langword="true"/> if <see cref="Start"/> &lt;= date &lt;= <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => Of(date).StartYear == StartYear;

    /// <summary>Compares by start year.</summary>
    /// <param name="other">Another reporting year.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ReportingYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    /// <param name="left">A reporting year.</param>
    /// <param name="right">A reporting year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ReportingYear left, ReportingYear right) => left.StartYear < right.StartYear;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    /// <param name="left">A reporting year.</param>
    /// <param name="right">A reporting year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ReportingYear left, ReportingYear right) => left.StartYear > right.StartYear;

    /// <summary>Whether <paramref name="left"/> is earlier than or the same as <paramref name="right"/>.</summary>
    /// <param name="left">A reporting year.</param>
    /// <param name="right">A reporting year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ReportingYear left, ReportingYear right) => left.StartYear <= right.StartYear;

    /// <summary>Whether <paramref name="left"/> is later than or the same as <paramref name="right"/>.</summary>
    /// <param name="left">A reporting year.</param>
    /// <param name="right">A reporting year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ReportingYear left, ReportingYear right) => left.StartYear >= right.StartYear;

    /// <summary>Returns the year's name, for example "2024-25".</summary>
    /// <returns>The name.</returns>
    public override string ToString() =>
        $"{StartYear.ToString(CultureInfo.InvariantCulture)}-{((StartYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";
}
