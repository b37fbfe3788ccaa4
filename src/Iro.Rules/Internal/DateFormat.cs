using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Internal;

/// <summary>The one date format every explanation uses: ISO <c>uuuu-MM-dd</c>, culture-invariant.</summary>
internal static class DateFormat
{
    internal const string IsoPattern = "uuuu-MM-dd";

    internal static readonly LocalDatePattern Pattern = LocalDatePattern.Iso;

    internal static string Iso(LocalDate date) => date.ToString(IsoPattern, CultureInfo.InvariantCulture);
}
