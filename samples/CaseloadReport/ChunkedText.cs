using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Tasks;

namespace CaseloadReport;

/// <summary>Writes a long run of items as text, in order, with the formatting shared out over the cores: items are
/// rendered in chunks on every core, and the chunks are written to the file in the items' order, so the bytes are
/// exactly those of rendering each item in turn on one thread.</summary>
/// <remarks>For worklist.csv and the calendar files, whose items (hundreds of thousands for a large caseload) are each
/// rendered alone: an item's text depends on nothing but the item. Chunks are rendered a wave at a time (two per core),
/// and encoded as UTF-8 by the thread that rendered them when the target is a UTF-8 file; the next wave is rendered
/// while the caller writes this one.</remarks>
internal static class ChunkedText
{
    private const int ChunkSize = 1024;

    /// <summary>The chunks' builders, kept for the next chunks (each is large: kept, not collected).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentBag<StringBuilder> Builders = new();

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

        // A UTF-8 file (no byte-order mark after its start) takes the chunks' bytes directly, encoded by its own
        // encoding (so its replacement or refusal of a lone surrogate is the file's, as when written item by item).
        Encoding? utf8 = target is StreamWriter { Encoding: UTF8Encoding encoding, BaseStream.CanWrite: true } ? encoding : null;
        Stream? file = utf8 is null ? null : ((StreamWriter)target).BaseStream;
        target.Flush();
        int wave = Math.Min(chunks, Environment.ProcessorCount * 2);
        Chunk[] Render(int first)
        {
            int count = Math.Min(wave, chunks - first);
            var done = new Chunk[count];
            try
            {
                Parallel.For(0, count, k =>
                {
                    var text = new StringWriter(Builders.TryTake(out StringBuilder? reused) ? reused.Clear() : new StringBuilder(ChunkSize * 400), CultureInfo.InvariantCulture);
                    var scratch = new StringBuilder(256);
                    int start = from + ((first + k) * ChunkSize), end = Math.Min(to, start + ChunkSize);
                    for (int i = start; i < end; i++)
                    {
                        render(text, scratch, items[i]);
                    }

                    done[k] = Chunk.Of(text.GetStringBuilder(), utf8);
                });
            }
            catch (AggregateException e)
            {
                // What the rendering threw, as it is (the first, as one thread would have met it), not wrapped.
                ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
            }

            return done;
        }

        Task<Chunk[]>? next = Task.Run(() => Render(0));
        try
        {
            for (int first = 0; first < chunks; first += wave)
            {
                Chunk[] ready = next!.GetAwaiter().GetResult();
                next = null;
                int following = first + wave;
                if (following < chunks)
                {
                    next = Task.Run(() => Render(following));
                }

                foreach (Chunk chunk in ready)
                {
                    chunk.WriteTo(target, file);
                    Return(chunk.Text);
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                // A write failed (a full disk, say): the wave being rendered is waited for, not left running, and
                // whatever it threw is taken (the write's failure is the one thrown).
                ((IAsyncResult)next).AsyncWaitHandle.WaitOne();
                _ = next.Exception;
            }
        }

        target.Flush();
    }

    /// <summary>Keeps a builder for the next chunks: a few, and none grown very large (so the pool holds a few MB).</summary>
    private static void Return(StringBuilder builder)
    {
        if (Builders.Count < 2 * Environment.ProcessorCount && builder.Capacity <= ChunkSize * 1024)
        {
            Builders.Add(builder);
        }
    }

    /// <summary>One rendered chunk: UTF-8 bytes (rented) for a file, or the text.</summary>
    private readonly record struct Chunk(StringBuilder Text, byte[]? Bytes, int Length)
    {
        internal static Chunk Of(StringBuilder text, Encoding? encoding)
        {
            if (encoding is null)
            {
                return new Chunk(text, null, 0);
            }

            byte[] bytes = ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(text.Length));
            int written = 0;
            Encoder encoder = encoding.GetEncoder(); // a surrogate pair split between two of the builder's parts stays one character
            foreach (ReadOnlyMemory<char> part in text.GetChunks())
            {
                written += encoder.GetBytes(part.Span, bytes.AsSpan(written), flush: false);
            }

            written += encoder.GetBytes(ReadOnlySpan<char>.Empty, bytes.AsSpan(written), flush: true);
            return new Chunk(text, bytes, written);
        }

        internal void WriteTo(TextWriter target, Stream? file)
        {
            if (Bytes is null || file is null)
            {
                foreach (ReadOnlyMemory<char> part in Text.GetChunks())
                {
                    target.Write(part.Span);
                }

                return;
            }

            file.Write(Bytes, 0, Length);
            ArrayPool<byte>.Shared.Return(Bytes);
        }
    }
}
