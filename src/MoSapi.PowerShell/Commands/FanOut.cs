using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>What a unit of background work may emit; everything is written later on the pipeline thread.</summary>
    internal sealed class WorkSink
    {
        private readonly ConcurrentQueue<object> _items = new ConcurrentQueue<object>();
        private readonly Action _signal;

        public WorkSink(object? target, Action signal)
        {
            Target = target;
            _signal = signal;
        }

        public object? Target { get; }

        public void Write(object item)
        {
            _items.Enqueue(item);
            _signal();
        }

        public void Error(MoSapiException ex) => Error(ErrorRecords.From(ex, Target));

        public void Error(ErrorRecord record)
        {
            _items.Enqueue(record);
            _signal();
        }

        /// <summary>Progress of long work inside one item (e.g. many requests for one entity).</summary>
        public void Progress(ProgressRecord record)
        {
            _items.Enqueue(record);
            _signal();
        }

        internal bool TryTake(out object item) => _items.TryDequeue(out item!);
    }

    /// <summary>
    /// Runs work for many entities concurrently (bounded by -ThrottleLimit) while the pipeline thread writes results
    /// in the order the work was queued, as soon as each is ready. The order makes output deterministic; the head's
    /// results stream while the rest still run. Stopping the pipeline cancels everything within one request's
    /// cancellation, not after it.
    /// </summary>
    internal sealed class FanOut
    {
        private readonly MoSapiCmdlet _cmdlet;
        private readonly CmdletLog _log;
        // Neither semaphore is disposed: work may still release them after a stopped pipeline, and without a wait
        // handle requested they hold nothing that needs freeing.
        private readonly SemaphoreSlim _throttle;
        private readonly CancellationTokenSource _cancel;
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0, int.MaxValue);
        private readonly List<Item> _items = new List<Item>();
        private readonly string _activity;
        private int _head;
        private int _completed;

        public FanOut(MoSapiCmdlet cmdlet, CmdletLog log, int throttleLimit, CancellationTokenSource cancel, string activity)
        {
            _cmdlet = cmdlet;
            _log = log;
            _throttle = new SemaphoreSlim(Math.Max(1, throttleLimit));
            _cancel = cancel;
            _activity = activity;
            Context = new MoSapiCallContext(cancel.Token, log);
        }

        public MoSapiCallContext Context { get; }

        public int Count => _items.Count;

        /// <summary>Queues work and writes whatever is ready without blocking.</summary>
        public void Add(object? target, Func<WorkSink, MoSapiCallContext, Task> work)
        {
            var sink = new WorkSink(target, Signal);
            var item = new Item(sink);
            _items.Add(item);
            item.Task = Task.Run(() => RunAsync(item, work));
            Drain(wait: false);
        }

        /// <summary>Writes results in order; with <paramref name="wait"/> until every queued item has finished.</summary>
        public void Drain(bool wait)
        {
            while (true)
            {
                FlushLog();
                while (_head < _items.Count)
                {
                    var item = _items[_head];

                    // Read Done before taking: anything enqueued before Done was set is then surely taken.
                    var done = Volatile.Read(ref item.Done);
                    Flush(item.Sink);
                    if (!done)
                    {
                        break;
                    }

                    _head++;
                }

                WriteProgress();
                if (!wait || _head == _items.Count)
                {
                    FlushLog();
                    if (wait)
                    {
                        CompleteProgress();
                    }

                    return;
                }

                // Work that ignored cancellation must not keep a stopped pipeline waiting.
                if (_cancel.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                _changed.Wait(250);
            }
        }

        private async Task RunAsync(Item item, Func<WorkSink, MoSapiCallContext, Task> work)
        {
            var acquired = false;
            try
            {
                await _throttle.WaitAsync(_cancel.Token).ConfigureAwait(false);
                acquired = true;
                await work(item.Sink, Context).ConfigureAwait(false);
            }
            catch (MoSapiException ex)
            {
                item.Sink.Error(ex);
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // The pipeline is stopping; nothing more is written.
            }
            catch (Exception ex)
            {
                item.Sink.Error(ErrorRecords.Unexpected(ex, item.Sink.Target));
            }
            finally
            {
                if (acquired)
                {
                    _throttle.Release();
                }

                Interlocked.Increment(ref _completed);
                Volatile.Write(ref item.Done, true);
                Signal();
            }
        }

        private void Signal() => _changed.Release();

        private void Flush(WorkSink sink)
        {
            while (sink.TryTake(out var output))
            {
                if (output is ErrorRecord error)
                {
                    _cmdlet.WriteError(error);
                }
                else if (output is ProgressRecord progress)
                {
                    _cmdlet.WriteProgress(progress);
                }
                else if (_cmdlet.BeforeWrite(output) is { } written)
                {
                    _cmdlet.WriteObject(written);
                }
            }
        }

        private void FlushLog()
        {
            while (_log.TryDequeue(out var entry))
            {
                switch (entry.Kind)
                {
                    case CmdletLog.Kind.Verbose:
                        _cmdlet.WriteVerbose(entry.Text);
                        break;
                    case CmdletLog.Kind.Debug:
                        _cmdlet.WriteDebug(entry.Text);
                        break;
                    default:
                        _cmdlet.WriteWarning(entry.Text);
                        break;
                }
            }
        }

        private void WriteProgress()
        {
            if (_items.Count < 2)
            {
                return;
            }

            var completed = Volatile.Read(ref _completed);
            var record = new ProgressRecord(ProgressId, _activity, $"{completed} of {_items.Count} done")
            {
                PercentComplete = Math.Min(100, completed * 100 / _items.Count),
            };
            _cmdlet.WriteProgress(record);
        }

        private void CompleteProgress()
        {
            if (_items.Count < 2)
            {
                return;
            }

            _cmdlet.WriteProgress(new ProgressRecord(ProgressId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private const int ProgressId = 0x4D6F;

        private sealed class Item
        {
            public Item(WorkSink sink)
            {
                Sink = sink;
            }

            public WorkSink Sink { get; }

            public Task? Task { get; set; }

            public bool Done;
        }
    }
}
