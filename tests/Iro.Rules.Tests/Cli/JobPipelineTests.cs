using System.IO;
using System.Text;
using System.Threading;
using CaseloadReport;
using FsCheck.Xunit;

namespace Iro.Rules.Tests.Cli;

/// <summary>The main job's two ways of using the second core: <c>ChunkedText</c> (outputs formatted in chunks on
/// every core, written in order) and <c>Handoff</c> (the figures and worklist fed on a thread of their own).
/// Both must give exactly what one thread gives: the same bytes, the same order, and a failure never lost.</summary>
public class JobPipelineTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(1023, 0, 1023)]
    [InlineData(1024, 0, 1024)]
    [InlineData(1025, 0, 1025)] // a second chunk of one item
    [InlineData(10_000, 0, 10_000)] // more chunks than a wave
    [InlineData(10_000, 2_500, 7_777)] // a run in the middle, as one IRO's calendar is
    public void ChunkedText_writes_the_items_in_order_as_one_thread_would(int count, int from, int to)
    {
        string[] items = Enumerable.Range(0, count).Select(static i => "item " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var text = new StringWriter();
        ChunkedText.Write(text, items, from, to, static (w, scratch, item) =>
        {
            scratch.Clear().Append('<').Append(item).Append('>');
            w.Write(scratch.ToString());
            w.Write("\r\n");
        });

        var expected = new StringBuilder();
        for (int i = from; i < to; i++)
        {
            expected.Append("<item ").Append(i).Append(">\r\n");
        }

        Assert.Equal(expected.ToString(), text.ToString());
    }

    [Property(MaxTest = 30)]
    public bool ChunkedText_is_the_same_text_as_sequential_for_any_items(string[]? seed, byte copies, ushort cut)
    {
        string[] one = (seed ?? Array.Empty<string>()).Select(static s => s ?? string.Empty).ToArray();
        // Enough items for several chunks: the seed repeated, each copy numbered so order errors show.
        string[] items = Enumerable.Range(0, (copies % 8) + 1).SelectMany(c => one.Select(s => c.ToString(System.Globalization.CultureInfo.InvariantCulture) + s)).ToArray();
        items = items.Concat(Enumerable.Range(0, 1500).Select(static i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        int from = cut % (items.Length + 1);
        var text = new StringWriter();
        ChunkedText.Write(text, items, from, items.Length, static (w, _, item) => w.Write(item + "\n"));
        return text.ToString() == string.Concat(items.Skip(from).Select(static s => s + "\n"));
    }

    [Fact]
    public void Handoff_runs_the_action_over_every_item_in_order_on_another_thread()
    {
        var seen = new List<int>();
        int caller = Environment.CurrentManagedThreadId, other = caller;
        using (var handoff = new Handoff<int>(i => { seen.Add(i); other = Environment.CurrentManagedThreadId; }, "test"))
        {
            for (int i = 0; i < 10_001; i++)
            {
                handoff.Add(i);
            }

            handoff.Complete();
        }

        Assert.Equal(Enumerable.Range(0, 10_001), seen);
        Assert.NotEqual(caller, other);
    }

    [Fact]
    public void Handoff_throws_the_actions_failure_to_the_caller_and_never_blocks_it()
    {
        int ran = 0;
        using var handoff = new Handoff<int>(i =>
        {
            ran++;
            if (i == 300)
            {
                throw new InvalidOperationException("child 300 broke the figures");
            }
        }, "test");

        // Far more items than the queue holds: the caller must not be blocked once the action has failed (a hang fails
        // the test after a minute instead of stopping the run).
        var adding = new Thread(() =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                handoff.Add(i);
            }
        });
        adding.Start();
        Assert.True(adding.Join(TimeSpan.FromMinutes(1)), "the caller was blocked");

        var e = Assert.Throws<InvalidOperationException>(handoff.Complete);
        Assert.Equal("child 300 broke the figures", e.Message);
        Assert.Equal(301, ran); // nothing after the failure was run
    }

    [Fact]
    public void Handoff_disposed_without_completing_runs_what_was_handed_over_and_stops()
    {
        int ran = 0;
        var handoff = new Handoff<int>(_ => { Thread.Sleep(1); Interlocked.Increment(ref ran); }, "test");
        for (int i = 0; i < 1_000; i++)
        {
            handoff.Add(i);
        }

        handoff.Dispose(); // returns once the thread has run the full batches handed over, and ended
        int after = Volatile.Read(ref ran);
        Thread.Sleep(50);
        Assert.Equal(1_000 / Handoff<int>.BatchSize * Handoff<int>.BatchSize, after); // the batch being filled is dropped
        Assert.Equal(after, Volatile.Read(ref ran)); // nothing runs after Dispose
    }

    private static readonly string[] Texts = ["plain", "Zoë, Ångström", "😀 pair", "lone \ud800 high", "lone \udc00 low", "ends high \ud83d", "\ude00 starts low", "crlf\r\n", "é"];

    /// <summary>The bytes of a UTF-8 file written item by item, and through <c>ChunkedText</c> (which encodes each chunk
    /// itself): the same, whatever the text, for any number of items (one chunk, several, several waves).</summary>
    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(12_345)]
    public void ChunkedText_writes_a_utf8_file_byte_for_byte_as_one_item_at_a_time(int count)
    {
        string[] items = Enumerable.Range(0, count).Select(static i => Texts[i % Texts.Length] + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n").ToArray();
        static byte[] Through(Action<StreamWriter> write)
        {
            var bytes = new MemoryStream();
            using (var writer = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                writer.Write("header\r\n");
                write(writer);
            }

            return bytes.ToArray();
        }

        byte[] one = Through(w => Array.ForEach(items, w.Write));
        byte[] chunked = Through(w => ChunkedText.Write(w, items, 0, items.Length, static (x, _, item) => x.Write(item)));
        Assert.Equal(one, chunked);
    }

    [Fact]
    public void ChunkedText_refuses_a_lone_surrogate_as_a_strict_file_would()
    {
        string[] items = Enumerable.Range(0, 3_000).Select(static i => i == 2_500 ? "bad \ud800 here\n" : "ok\n").ToArray();
        using var bytes = new MemoryStream();
        using var writer = new StreamWriter(bytes, new UTF8Encoding(false, throwOnInvalidBytes: true));
        Assert.Throws<EncoderFallbackException>(() => ChunkedText.Write(writer, items, 0, items.Length, static (x, _, item) => x.Write(item)));
    }

    [Fact]
    public void ChunkedText_throws_what_the_rendering_threw_not_wrapped()
    {
        string[] items = Enumerable.Range(0, 5_000).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => ChunkedText.Write(new StringWriter(), items, 0, items.Length, static (x, _, item) =>
        {
            if (item == "3000")
            {
                throw new InvalidOperationException("item 3000 cannot be written");
            }

            x.Write(item);
        }));
        Assert.Equal("item 3000 cannot be written", e.Message);
    }

    [Property(MaxTest = 300)]
    public bool CsvText_Write_is_the_cell_written_without_a_new_string(string? value)
    {
        var text = new StringWriter();
        CsvText.Write(text, value);
        return text.ToString() == CsvText.Cell(value) || (value is null && text.ToString().Length == 0);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\", then", "\"say \"\"hi\"\", then\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("-3, more", "\"'-3, more\"")] // the formula prefix inside the quotes
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    public void CsvText_Write_quotes_and_neutralises_cells(string value, string expected)
    {
        var text = new StringWriter();
        CsvText.Write(text, value);
        Assert.Equal(expected, text.ToString());
    }
}
