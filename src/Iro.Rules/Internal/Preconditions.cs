using System;
using System.Globalization;
using NodaTime;

namespace Iro.Rules.Internal;

/// <summary>Argument checks for programmer errors, made once at the public edge (after NodaTime's <c>Preconditions</c>).</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, string paramName)
        where T : class
        => argument ?? throw new ArgumentNullException(paramName);

    internal static void CheckIsoCalendar(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(
                $"{paramName} must be in the ISO calendar system; {DateFormat.Iso(date)} is in {date.Calendar.Id}.",
                paramName);
        }
    }

    internal static void CheckDateRange(LocalDate date, LocalDate min, LocalDate max, string paramName, string? rule = null)
    {
        CheckIsoCalendar(date, paramName);
        if (date < min || date > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                date,
                $"{paramName} was {DateFormat.Iso(date)}; the supported range is {DateFormat.Iso(min)} to {DateFormat.Iso(max)} inclusive{(rule is null ? string.Empty : $" ({rule})")}.");
        }
    }

    internal static void CheckRange(int value, int min, int max, string paramName, string? rule = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{paramName} was {value.ToString(CultureInfo.InvariantCulture)}; the supported range is {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} inclusive{(rule is null ? string.Empty : $" ({rule})")}.");
        }
    }

    internal static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        CheckDefined(value, paramName);
        return value;
    }

    internal static void CheckDefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{paramName} was {Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}, which is not a defined {typeof(TEnum).Name}; allowed values are {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }
}
