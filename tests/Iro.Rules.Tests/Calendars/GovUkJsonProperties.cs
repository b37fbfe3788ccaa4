using System.IO;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Calendars;

namespace Iro.Rules.Tests.Calendars;

/// <summary>CAL-2: the GOV.UK loader, given arbitrary or mutated files, either loads or throws <see cref="InvalidDataException"/>, never anything else.</summary>
public class GovUkJsonProperties
{
    private static readonly string Feed = ReadFeed();

    /// <summary>A GOV.UK file with one random edit.</summary>
    public readonly record struct MutatedFeed(string Text, string Edit);

    public static class Mutations
    {
        private static readonly string[] Fragments =
        [
            "\"", "{", "}", "[", "]", ",", ":", "null", "0", "-", "2025-02-30", "2025-13-01", "\"date\"", "\"title\"",
            "\"events\"", "scotland", "\\u2019", "\\", "true", " ", "99999-01-01", "2025-1-1", "\"2025-01-01\"",
        ];

        public static Arbitrary<MutatedFeed> Feed() =>
            (from position in Gen.Choose(0, GovUkJsonProperties.Feed.Length - 1)
             from length in Gen.Choose(0, 40)
             from fragment in Gen.Elements(Fragments)
             from kind in Gen.Choose(0, 4)
             select Mutate(position, length, fragment, kind)).ToArbitrary();

        public static Arbitrary<UkJurisdiction> Jurisdiction() => CalendarArbitraries.Jurisdiction();

        private static MutatedFeed Mutate(int position, int length, string fragment, int kind)
        {
            string feed = GovUkJsonProperties.Feed;
            int cut = Math.Min(length, feed.Length - position);
            return kind switch
            {
                0 => new(feed.Remove(position, cut), $"delete {cut} at {position}"),
                1 => new(feed.Insert(position, fragment), $"insert '{fragment}' at {position}"),
                2 => new(feed.Remove(position, cut).Insert(position, fragment), $"replace {cut} at {position} with '{fragment}'"),
                3 => new(feed[..position], $"truncate at {position}"),
                _ => new(DuplicateEvent(feed, position), $"duplicate the event at {position}"),
            };
        }

        private static string DuplicateEvent(string feed, int position)
        {
            int start = feed.LastIndexOf('{', position);
            int end = feed.IndexOf('}', position);
            return start < 0 || end < 0 || end < start ? feed : feed.Insert(end + 1, "," + feed[start..(end + 1)]);
        }
    }

    [Property(Arbitrary = new[] { typeof(Mutations) }, MaxTest = 300)]
    public void FromGovUkJson_MutatedFeed_LoadsOrThrowsInvalidData(MutatedFeed feed, UkJurisdiction j) =>
        LoadsOrThrowsInvalidData(Encoding.UTF8.GetBytes(feed.Text), j);

    [Property(Arbitrary = new[] { typeof(Mutations) }, MaxTest = 200)]
    public void FromGovUkJson_ArbitraryText_LoadsOrThrowsInvalidData(string? text, UkJurisdiction j) =>
        LoadsOrThrowsInvalidData(Encoding.UTF8.GetBytes(text ?? string.Empty), j);

    [Property(Arbitrary = new[] { typeof(Mutations) }, MaxTest = 200)]
    public void FromGovUkJson_ArbitraryBytes_LoadsOrThrowsInvalidData(byte[]? bytes, UkJurisdiction j) =>
        LoadsOrThrowsInvalidData(bytes ?? Array.Empty<byte>(), j);

    private static void LoadsOrThrowsInvalidData(byte[] bytes, UkJurisdiction j)
    {
        try
        {
            var calendar = BankHolidayCalendar.FromGovUkJson(new MemoryStream(bytes), j);
            Assert.NotNull(calendar.InYear(2025));
        }
        catch (InvalidDataException)
        {
            // The only failure allowed.
        }

        // Whatever happened, the built-in calendar is intact.
        Assert.True(BankHolidayCalendar.For(j).IsBankHoliday(new LocalDate(2025, 12, 25)));
    }

    private static string ReadFeed()
    {
        using var stream = GovUkJsonTests.Embedded("govuk-bank-holidays.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
