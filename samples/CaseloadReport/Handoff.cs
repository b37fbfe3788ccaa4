using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CaseloadReport;

/// <summary>Runs an action over a sequence of items on a thread of its own, in the order they are added, a bounded
/// number of batches behind the caller: the job hands each evaluated child to the annual figures, the IRO-3 counts and
/// the worklist here, so that work runs beside the evaluation instead of after it on the same thread.</summary>
/// <remarks>One caller adds; one thread runs the action, so the action's state (a builder that is not thread-safe) is
/// only ever touched by that thread, and sees the items in the caller's order: the outputs are the same as when the
/// action runs on the caller's thread. Memory stays bounded: at most <c>Depth</c> batches wait. An exception the
/// action throws stops the action (later items are drained, not run) and is thrown to the caller by <see cref="Complete"/>.</remarks>
internal sealed class Handoff<T> : IDisposable
{
    /// <summary>How many items are handed over at a time.</summary>
    internal const int BatchSize = 256;
    private const int Depth = 16;

    private readonly BlockingCollection<T[]> queue = new(Depth);
    private readonly Thread thread;
    private T[] batch = new T[BatchSize];
    private int count;
    private bool completed;
    private ExceptionDispatchInfo? failed;

    internal Handoff(Action<T> action, string name)
    {
        thread = new Thread(() =>
        {
            foreach (T[] items in queue.GetConsumingEnumerable())
            {
                if (failed is not null)
                {
                    continue; // keep draining, so the caller is never blocked on a full queue
                }

                try
                {
                    foreach (T item in items)
                    {
                        action(item);
                    }
                }
                catch (Exception e)
                {
                    failed = ExceptionDispatchInfo.Capture(e);
                }
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
    }

    /// <summary>Queues one item (its batch is handed over when full).</summary>
    internal void Add(T item)
    {
        batch[count++] = item;
        if (count == BatchSize)
        {
            queue.Add(batch);
            batch = new T[BatchSize];
            count = 0;
        }
    }

    /// <summary>Hands over the last batch, waits until the action has run over every item, and throws what it threw.</summary>
    internal void Complete()
    {
        if (!completed)
        {
            completed = true;
            if (count > 0)
            {
                queue.Add(batch.AsSpan(0, count).ToArray());
            }

            queue.CompleteAdding();
            thread.Join();
        }

        failed?.Throw();
    }

    /// <summary>Ends the thread without <see cref="Complete"/> (a run that failed elsewhere): the batches already handed
    /// over are run (at most <c>Depth</c> of them), the batch still being filled is dropped, and whatever the action
    /// threw is not thrown again.</summary>
    public void Dispose()
    {
        if (!completed)
        {
            completed = true;
            queue.CompleteAdding();
            thread.Join();
        }

        queue.Dispose();
    }
}
