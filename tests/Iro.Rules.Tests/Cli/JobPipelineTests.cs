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

        // Far more items than the queue holds: the caller must not be blocked once the action has failed.
        for (int i = 0; i < 100_000; i++)
        {
            handoff.Add(i);
        }

        var e = Assert.Throws<InvalidOperationException>(handoff.Complete);
        Assert.Equal("child 300 broke the figures", e.Message);
        Assert.Equal(301, ran); // nothing after the failure was run
    }

    [Fact]
    public void Handoff_disposed_without_completing_stops_its_thread()
    {
        int ran = 0;
        var handoff = new Handoff<int>(_ => { Thread.Sleep(1); Interlocked.Increment(ref ran); }, "test");
        for (int i = 0; i < 1_000; i++)
        {
            handoff.Add(i);
        }

        handoff.Dispose(); // returns once the thread has run what was handed over and ended
        int after = Volatile.Read(ref ran);
        Thread.Sleep(50);
        Assert.InRange(after, 1, 1_000);
        Assert.Equal(after, Volatile.Read(ref ran)); // nothing runs after Dispose
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
