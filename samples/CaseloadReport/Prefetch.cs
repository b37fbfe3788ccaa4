using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CaseloadReport;

/// <summary>Reads a sequence on a thread of its own, a bounded number of batches ahead, while the caller evaluates:
/// reading the files and evaluating the children use the two cores at once. Order is kept (one reader, one queue),
/// memory stays flat (at most <c>Depth</c> batches wait), and an exception the reader throws is thrown to the caller
/// as it was, at the point the children ran out.</summary>
internal sealed class Prefetch<T> : IEnumerable<T>
{
    private const int BatchSize = 256;
    private const int Depth = 16;

    private readonly IEnumerable<T> source;

    internal Prefetch(IEnumerable<T> source) => this.source = source;

    public IEnumerator<T> GetEnumerator()
    {
        using var queue = new BlockingCollection<T[]>(Depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failed = null;
        var reader = new Thread(() =>
        {
            try
            {
                var batch = new List<T>(BatchSize);
                foreach (T item in source)
                {
                    batch.Add(item);
                    if (batch.Count == BatchSize)
                    {
                        queue.Add(batch.ToArray(), stop.Token);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    queue.Add(batch.ToArray(), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped early: nothing more is wanted.
            }
            catch (Exception e)
            {
                failed = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "SSDA903 reader",
        };
        reader.Start();
        try
        {
            foreach (T[] batch in queue.GetConsumingEnumerable())
            {
                foreach (T item in batch)
                {
                    yield return item;
                }
            }

            reader.Join();
            failed?.Throw();
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
