using NodaTime.Text;

namespace Iro.Rules.Tests;

/// <summary>Test helper: ISO date text to <see cref="LocalDate"/>.</summary>
internal static class Dates
{
    public static LocalDate Parse(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
