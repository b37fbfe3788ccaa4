using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Internal;

/// <summary>The one date format every explanation uses: ISO <c>uuuu-MM-dd</c>, culture-invariant.</summary>
internal static class DateFormat
{
    internal const string IsoPattern = "uuuu-MM-dd";

    internal static readonly LocalDatePattern Pattern = LocalDatePattern.Iso;

    /// <summary>The date as <c>uuuu-MM-dd</c>. ISO dates in years 0-9999 are written digit by digit (about six times
    /// faster than the pattern, and one allocation: every flag and finding writes dates); others go through NodaTime.</summary>
    internal static string Iso(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date.Year is >= 0 and <= 9999
            ? string.Create(10, date, static (span, d) =>
            {
                int year = d.Year, month = d.Month, day = d.Day;
                span[0] = (char)('0' + (year / 1000));
                span[1] = (char)('0' + (year / 100 % 10));
                span[2] = (char)('0' + (year / 10 % 10));
                span[3] = (char)('0' + (year % 10));
                span[4] = '-';
                span[5] = (char)('0' + (month / 10));
                span[6] = (char)('0' + (month % 10));
                span[7] = '-';
                span[8] = (char)('0' + (day / 10));
                span[9] = (char)('0' + (day % 10));
            })
            : date.ToString(IsoPattern, CultureInfo.InvariantCulture);
}
