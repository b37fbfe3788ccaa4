using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace CaseloadReport;

/// <summary>Writes a long run of items as text, in order, with the formatting shared out over the cores: items are
/// rendered in chunks into buffers on every core, and the buffers are written to the file in the items' order, so the
/// bytes are exactly those of rendering each item in turn on one thread.</summary>
/// <remarks>For worklist.csv and the calendar files, whose items (hundreds of thousands for a large caseload) are each
/// rendered alone: an item's text depends on nothing but the item.</remarks>
internal static class ChunkedText
{
    private const int ChunkSize = 1024;

    /// <summary>Writes <paramref name="render"/>'s text for <paramref name="items"/>[<paramref name="from"/>..<paramref name="to"/>) to
    /// <paramref name="target"/>. <paramref name="render"/> gets the chunk's writer, a scratch builder of its own, and the item.</summary>
    internal static void Write<T>(TextWriter target, IReadOnlyList<T> items, int from, int to, Action<TextWriter, StringBuilder, T> render)
    {
        int chunks = (to - from + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1 || Environment.ProcessorCount == 1)
        {
            var scratch = new StringBuilder(256);
            for (int i = from; i < to; i++)
            {
                render(target, scratch, items[i]);
            }

            return;
        }

        int wave = Math.Min(chunks, Environment.ProcessorCount * 2);
        var buffers = new StringWriter[wave];
        var scratches = new StringBuilder[wave];
        for (int k = 0; k < wave; k++)
        {
            buffers[k] = new StringWriter(new StringBuilder(ChunkSize * 512), CultureInfo.InvariantCulture);
            scratches[k] = new StringBuilder(256);
        }

        for (int first = 0; first < chunks; first += wave)
        {
            int count = Math.Min(wave, chunks - first);
            Parallel.For(0, count, k =>
            {
                StringWriter buffer = buffers[k];
                buffer.GetStringBuilder().Clear();
                int start = from + ((first + k) * ChunkSize), end = Math.Min(to, start + ChunkSize);
                for (int i = start; i < end; i++)
                {
                    render(buffer, scratches[k], items[i]);
                }
            });
            for (int k = 0; k < count; k++)
            {
                foreach (ReadOnlyMemory<char> part in buffers[k].GetStringBuilder().GetChunks())
                {
                    target.Write(part.Span);
                }
            }
        }
    }
}
