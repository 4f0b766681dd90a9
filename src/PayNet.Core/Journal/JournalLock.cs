using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace PayNet.Core.Journal
{
    /// <summary>
    /// The journal's exclusive lock, across threads, runspaces and processes: an in-process monitor per
    /// directory (so threads queue instead of spinning on the file), then the lock file opened with
    /// FileShare.None, which the OS holds for this process only (a sharing violation on Windows, flock on
    /// Unix). The OS drops it when the process dies, so a killed process never leaves the journal locked.
    /// </summary>
    internal sealed class JournalLock : IDisposable
    {
        private static readonly ConcurrentDictionary<string, object> Monitors = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

        private readonly object _monitor;
        private FileStream? _file;

        private JournalLock(object monitor, FileStream file)
        {
            _monitor = monitor;
            _file = file;
        }

        /// <summary>Waits up to <paramref name="timeout"/>; throws <see cref="JournalLockTimeoutException"/> after that.</summary>
        public static JournalLock Acquire(string directory, TimeSpan timeout)
        {
            string path = Path.Combine(directory, JournalFileNames.LockFile);
            var monitor = Monitors.GetOrAdd(path, _ => new object());
            var clock = Stopwatch.StartNew();
            if (!Monitor.TryEnter(monitor, timeout)) throw new JournalLockTimeoutException(directory, timeout);
            try
            {
                int pause = 1;
                while (true)
                {
                    try
                    {
                        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                        return new JournalLock(monitor, file);
                    }
                    catch (IOException) when (clock.Elapsed < timeout)
                    {
                        // Another process holds it: back off a little, up to 20 ms between tries.
                        Thread.Sleep(pause);
                        pause = Math.Min(pause * 2, 20);
                    }
                    catch (IOException held)
                    {
                        throw new JournalLockTimeoutException(directory, timeout, held);
                    }
                }
            }
            catch
            {
                Monitor.Exit(monitor);
                throw;
            }
        }

        public void Dispose()
        {
            var file = Interlocked.Exchange(ref _file, null);
            if (file is null) return;
            try
            {
                file.Dispose();
            }
            finally
            {
                Monitor.Exit(_monitor);
            }
        }
    }

    /// <summary>The journal stayed locked longer than the bounded wait; the money move was not sent.</summary>
    public sealed class JournalLockTimeoutException : IOException
    {
        public JournalLockTimeoutException(string directory, TimeSpan timeout, Exception? inner = null)
            : base($"The PayNet journal in '{directory}' stayed locked by another PowerShell session or process for more than " +
                   $"{timeout.TotalSeconds:0.#} s, so nothing was sent. Try again; if it persists, look for a hung process using that directory.", inner)
        {
            Directory = directory;
        }

        public string Directory { get; }
    }
}
