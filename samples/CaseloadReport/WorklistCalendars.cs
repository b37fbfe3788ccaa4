using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Iro.Rules.Caseload;
using NodaTime;

namespace CaseloadReport;

/// <summary>
/// The worklist as iCalendar files (RFC 5545, written with Ical.Net): one per IRO, and one for the children with no IRO
/// allocated, each a set of all-day events: a review's book-by date (when it differs from the due date) and due date,
/// the visit window before it, and the recommendations and minutes deadlines.
/// </summary>
/// <remarks>
/// <para>UIDs are built from the item's stable key (child, rule, period start, review number, kind) and the event's part,
/// so importing next week's file updates the same events rather than adding copies. DTSTAMP is the as-of date (00:00
/// UTC) and SEQUENCE the number of days from 1971-01-01 to it: the same run gives the same bytes, and a later run's
/// events supersede an earlier run's.</para>
/// <para>Personal data: the child's identifier only (SSDA903 CHILD, as the source gives it), with the dates and reasons of
/// the worklist; never a name, date of birth, address or any other field of the record. The IRO's name is the file's.</para>
/// </remarks>
internal static class WorklistCalendars
{
    internal const string Folder = "calendars";

    internal const string Unallocated = "no-iro-allocated.ics";

    private const string UidDomain = "@iro-rules";

    private static readonly LocalDate SequenceEpoch = new(1971, 1, 1);

    /// <summary>The as-of date's texts (ISO, and SEQUENCE's days since 1971-01-01), made once per thread and date, not per event.</summary>
    [ThreadStatic]
    private static (LocalDate AsOf, string Iso, string Sequence)? asOfTexts;

    /// <summary>The characters a TEXT value escapes (RFC 5545 3.3.11).</summary>
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\;,\r\n");

    /// <summary>Each IRO's file name, in the worklist's IRO order: <c>iro-NAME.ics</c> (letters, digits and '-' kept,
    /// anything else '_'; a clash gets -2, -3, ...), and <see cref="Unallocated"/> for no IRO.</summary>
    internal static IReadOnlyList<(string? Iro, string FileName)> FileNames(IReadOnlyList<string?> iros)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Unallocated };
        var names = new List<(string?, string)>();
        foreach (string? iro in iros)
        {
            if (iro is null)
            {
                names.Add((null, Unallocated));
                continue;
            }

            var safe = new StringBuilder("iro-");
            foreach (char c in iro.Trim())
            {
                safe.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
                if (safe.Length >= 64)
                {
                    break;
                }
            }

            string stem = safe.ToString(), name = stem + ".ics";
            for (int n = 2; !used.Add(name); n++)
            {
                name = stem + "-" + n.ToString(CultureInfo.InvariantCulture) + ".ics";
            }

            names.Add((iro, name));
        }

        return names;
    }

    /// <summary>Writes one file per IRO with items into <paramref name="folder"/> (created); returns the file names.</summary>
    internal static IReadOnlyList<string> Write(Worklist worklist, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        // The items are sorted by IRO, so each IRO's items are one run of the list.
        IReadOnlyList<WorklistItem> items = worklist.Items;
        int at = 0;
        foreach ((string? iro, string name) in FileNames(worklist.Iros))
        {
            using var file = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16);
            string head = Serialize(ToCalendar(iro, Array.Empty<WorklistItem>(), worklist.AsOf));
            file.Write(head.AsSpan(0, head.Length - CalendarEnd.Length));
            int end = at;
            while (end < items.Count && string.Equals(items[end].Iro, iro, StringComparison.Ordinal))
            {
                end++;
            }

            // The events are formatted on every core in chunks and written in order: the same bytes as one by one.
            LocalDate asOf = worklist.AsOf;
            ChunkedText.Write(file, items, at, end, (w, line, item) => WriteEvents(w, line, item, asOf));
            at = end;
            file.Write(CalendarEnd);
            written.Add(name);
        }

        return written;
    }

    private const string CalendarEnd = "END:VCALENDAR\r\n";

    /// <summary>An item's events as iCalendar text, written directly: byte for byte what Ical.Net's serializer writes for
    /// the events of <see cref="ToCalendar"/> (properties in name order, TEXT values escaped, lines folded at 75 octets;
    /// a test compares the two), without building Ical.Net's objects, which cost tens of microseconds an event. Each
    /// TEXT property is put together in <paramref name="line"/> piece by piece (the pieces <see cref="Parts"/>,
    /// <see cref="Description"/> and <see cref="Uid"/> join), with no string of its own.</summary>
    internal static void WriteEvents(TextWriter writer, StringBuilder line, WorklistItem item, LocalDate asOf)
    {
        Span<char> date = stackalloc char[8];
        string key = item.Key;
        if (asOfTexts is not { } texts || texts.AsOf != asOf)
        {
            asOfTexts = texts = (asOf, MainJob.Iso(asOf), NodaTime.Period.DaysBetween(SequenceEpoch, asOf).ToString(CultureInfo.InvariantCulture));
        }

        (_, string asOfText, string sequence) = texts;
        bool bookBy = item.Kind == WorklistItemKind.Review && item.BookBy is LocalDate booked && booked != item.DueDate;
        for (int part = bookBy ? 0 : 1; part < 2; part++)
        {
            // part 0: the review's book-by day; part 1: the item's own event (due date, or the visit's window).
            (LocalDate first, LocalDate last) = part == 0 ? (item.BookBy!.Value, item.BookBy.Value)
                : item.Kind == WorklistItemKind.IroVisit ? (item.WindowStart ?? item.DueDate, item.WindowEnd ?? item.DueDate)
                : (item.DueDate, item.DueDate);
            writer.Write("BEGIN:VEVENT\r\n");
            line.Clear().Append("DESCRIPTION:");
            // One escaped value, written in pieces: a CR that ends the reason and the LF after it are one line break.
            Escaped(line, "\nSource: ", Escaped(line, item.Reason));
            Escaped(line, item.Citation.ShortForm);
            Escaped(line, ".\nWorklist as of ");
            line.Append(asOfText).Append('.');
            Folded(writer, line);
            writer.Write("DTEND;VALUE=DATE:");
            writer.Write(Compact(last.PlusDays(1), date));
            writer.Write("\r\nDTSTAMP:");
            writer.Write(Compact(asOf, date));
            writer.Write("T000000Z\r\nDTSTART;VALUE=DATE:");
            writer.Write(Compact(first, date));
            writer.Write("\r\nSEQUENCE:");
            writer.Write(sequence);
            writer.Write("\r\n");
            line.Clear().Append("SUMMARY:");
            Summary(line, item, part == 0);
            Folded(writer, line);
            writer.Write("TRANSP:TRANSPARENT\r\n");
            line.Clear().Append("UID:");
            Escaped(line, key);
            Escaped(line, "/");
            Escaped(line, PartName(item, part == 0));
            Escaped(line, UidDomain);
            Folded(writer, line);
            writer.Write("END:VEVENT\r\n");
        }
    }

    /// <summary>The event's part, as <see cref="Parts"/> names it: "book-by", "window" or "due".</summary>
    private static string PartName(WorklistItem item, bool bookBy) => bookBy ? "book-by" : item.Kind == WorklistItemKind.IroVisit ? "window" : "due";

    /// <summary>The event's summary, as <see cref="Parts"/> gives it, escaped into <paramref name="line"/>.</summary>
    private static void Summary(StringBuilder line, WorklistItem item, bool bookBy)
    {
        if (item.Status == WorklistStatus.Overdue)
        {
            line.Append("OVERDUE: ");
        }

        bool capital = false;
        switch (item.Kind)
        {
            case WorklistItemKind.Review when bookBy:
                line.Append("Book ");
                break;
            case WorklistItemKind.Review:
                capital = true;
                break;
            case WorklistItemKind.IroVisit:
                line.Append("IRO visit before ");
                break;
            default:
                line.Append(item.Kind == WorklistItemKind.Minutes ? "Minutes of " : "Recommendations of ");
                break;
        }

        if (item.ReviewNumber is int n)
        {
            line.Append(capital ? "Review " : "review ").Append(n.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            line.Append(capital ? "The next review" : "the next review");
        }

        switch (item.Kind)
        {
            case WorklistItemKind.Review when bookBy:
                line.Append(" by today\\, due ").Append(MainJob.Iso(item.DueDate)).Append(": child ");
                break;
            case WorklistItemKind.IroVisit:
                line.Append(": child ");
                break;
            default:
                line.Append(" due: child ");
                break;
        }

        Escaped(line, item.ChildId);
        line.Append(" (");
        Escaped(line, item.Rule.Value);
        line.Append(')');
    }

    /// <summary>Appends a TEXT value escaped (RFC 5545 3.3.11: backslash, semicolon, comma; CRLF, CR or LF as \\n);
    /// returns whether it ended with a CR. <paramref name="afterCr"/>: the piece before it did, so a LF first is that CR's.</summary>
    private static bool Escaped(StringBuilder line, string value, bool afterCr = false)
    {
        if (value.Length == 0)
        {
            return afterCr;
        }

        int plain = afterCr && value[0] == '\n' ? 1 : 0; // the start of the run of characters not yet appended
        for (int i = plain; i < value.Length; i++)
        {
            int next = value.AsSpan(i).IndexOfAny(Special); // most values have none, or a comma or two
            if (next < 0)
            {
                break;
            }

            i += next;
            char c = value[i];
            line.Append(value, plain, i - plain);
            switch (c)
            {
                case '\\': line.Append("\\\\"); break;
                case ';': line.Append("\\;"); break;
                case ',': line.Append("\\,"); break;
                case '\r':
                    line.Append("\\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default: line.Append("\\n"); break;
            }

            plain = i + 1;
        }

        line.Append(value, plain, value.Length - plain);
        return value[^1] == '\r';
    }

    /// <summary>Writes one content line, the property put together in <paramref name="line"/>, folded so that no line is
    /// longer than 75 octets of UTF-8 (a fold is CRLF and a space, RFC 5545 3.1).</summary>
    private static void Folded(TextWriter writer, StringBuilder line)
    {
        // A line of up to 75 octets is written whole; a longer one is folded counting each UTF-16 unit's octets alone
        // (a surrogate as 3), as Ical.Net does.
        char[] text = System.Buffers.ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            line.CopyTo(0, text, 0, line.Length);
            ReadOnlySpan<char> all = text.AsSpan(0, line.Length);
            bool ascii = !all.ContainsAnyExceptInRange((char)0, (char)0x7F);
            if (ascii ? all.Length <= 75 : Encoding.UTF8.GetByteCount(all) <= 75)
            {
                writer.Write(all);
                writer.Write("\r\n");
                return;
            }

            if (ascii)
            {
                // One octet a character: 75 on the first line, then a space and 74 on each next one (as the loop below).
                writer.Write(all[..75]);
                for (int next = 75; next < all.Length; next += 74)
                {
                    writer.Write("\r\n ");
                    writer.Write(all[next..Math.Min(all.Length, next + 74)]);
                }

                writer.Write("\r\n");
                return;
            }

            int octets = 0, from = 0;
            for (int i = 0; i < all.Length; i++)
            {
                char c = all[i];
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (octets + size > 75)
                {
                    writer.Write(all[from..i]);
                    writer.Write("\r\n ");
                    from = i;
                    octets = 1;
                }

                octets += size;
            }

            writer.Write(all[from..]);
            writer.Write("\r\n");
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>A date as yyyyMMdd (ISO years 1000-9999: the worklist's dates are 1971-2100) in <paramref name="into"/>.</summary>
    private static ReadOnlySpan<char> Compact(LocalDate date, Span<char> into)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year is < 1000 or > 9999)
        {
            return Compact(date).AsSpan();
        }

        int year = date.Year, month = date.Month, day = date.Day;
        into[0] = (char)('0' + (year / 1000));
        into[1] = (char)('0' + (year / 100 % 10));
        into[2] = (char)('0' + (year / 10 % 10));
        into[3] = (char)('0' + (year % 10));
        into[4] = (char)('0' + (month / 10));
        into[5] = (char)('0' + (month % 10));
        into[6] = (char)('0' + (day / 10));
        into[7] = (char)('0' + (day % 10));
        return into;
    }

    private static string Description(WorklistItem item, LocalDate asOf) =>
        $"{item.Reason}\nSource: {item.Citation.ShortForm}.\nWorklist as of {MainJob.Iso(asOf)}.";

    private static string Compact(LocalDate date) => date.ToString("uuuuMMdd", CultureInfo.InvariantCulture);

    /// <summary>One IRO's calendar: the events of each item, in the worklist's order.</summary>
    internal static Calendar ToCalendar(string? iro, IEnumerable<WorklistItem> items, LocalDate asOf)
    {
        var calendar = new Calendar { ProductId = "-//Iro.Rules//IRO worklist//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "IRO worklist: " + (iro ?? "no IRO allocated"));
        foreach (WorklistItem item in items)
        {
            foreach (CalendarEvent e in Events(item, asOf))
            {
                calendar.Events.Add(e);
            }
        }

        return calendar;
    }

    /// <summary>The iCalendar text (CRLF line ends, folded as RFC 5545 requires).</summary>
    internal static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;

    /// <summary>An item's events: (part, first day, last day, summary). A review has "book-by" (when it differs from the
    /// due date) and "due"; a visit, its "window"; recommendations and minutes, "due".</summary>
    internal static IEnumerable<(string Part, LocalDate First, LocalDate Last, string Summary)> Parts(WorklistItem item)
    {
        string child = "child " + item.ChildId;
        string review = item.ReviewNumber is int n ? "review " + n.ToString(CultureInfo.InvariantCulture) : "the next review";
        string overdue = item.Status == WorklistStatus.Overdue ? "OVERDUE: " : string.Empty;
        string rule = $" ({item.Rule.Value})";
        switch (item.Kind)
        {
            case WorklistItemKind.Review:
                if (item.BookBy is LocalDate bookBy && bookBy != item.DueDate)
                {
                    yield return ("book-by", bookBy, bookBy, $"{overdue}Book {review} by today, due {MainJob.Iso(item.DueDate)}: {child}{rule}");
                }

                yield return ("due", item.DueDate, item.DueDate, $"{overdue}{Capital(review)} due: {child}{rule}");
                break;
            case WorklistItemKind.IroVisit:
                yield return ("window", item.WindowStart ?? item.DueDate, item.WindowEnd ?? item.DueDate, $"{overdue}IRO visit before {review}: {child}{rule}");
                break;
            default:
                yield return ("due", item.DueDate, item.DueDate, $"{overdue}{(item.Kind == WorklistItemKind.Minutes ? "Minutes" : "Recommendations")} of {review} due: {child}{rule}");
                break;
        }
    }

    /// <summary>The event UID: the item's stable key and the part, at the tool's domain.</summary>
    internal static string Uid(WorklistItem item, string part) => $"{item.Key}/{part}{UidDomain}";

    private static IEnumerable<CalendarEvent> Events(WorklistItem item, LocalDate asOf)
    {
        foreach ((string part, LocalDate first, LocalDate last, string summary) in Parts(item))
        {
            yield return new CalendarEvent
            {
                Uid = Uid(item, part),
                DtStamp = new CalDateTime(asOf.Year, asOf.Month, asOf.Day, 0, 0, 0, "UTC"),
                Sequence = NodaTime.Period.DaysBetween(SequenceEpoch, asOf),
                Start = Day(first),
                End = Day(last.PlusDays(1)), // all-day: DTEND is the day after the last (RFC 5545 3.6.1)
                Summary = summary,
                Description = Description(item, asOf),
                Transparency = "TRANSPARENT",
            };
        }
    }

    private static CalDateTime Day(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
