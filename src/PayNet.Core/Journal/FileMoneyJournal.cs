using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace PayNet.Core.Journal
{
    /// <summary>
    /// The journal on disk: one JSON-lines file per calendar month (UTC) in one directory, append-only,
    /// written under <see cref="JournalLock"/> and flushed through to the disk before
    /// <see cref="RecordIntent"/> returns. Files are owner-only (600) on Unix. The same directory holds
    /// the last TopUp key per POS, so every process signing for a POS draws from one sequence.
    /// Thread-safe; any number of instances and processes may share a directory.
    /// </summary>
    public sealed class FileMoneyJournal : IMoneyJournal, ITopUpKeySequenceStore
    {
        private static readonly int CurrentProcessId = GetProcessId();

        // Outcomes go to the file that holds their intent, so every line of an entry sits in one month file
        // and the reader can fold a month at a time. Weak: an intent forgotten by its caller frees its slot.
        private readonly ConditionalWeakTable<MoneyMoveIntent, string> _intentFiles = new ConditionalWeakTable<MoneyMoveIntent, string>();
        private readonly Func<DateTimeOffset> _clock;
        private bool _directoryReady;

        public FileMoneyJournal(string? directory = null, TimeSpan? lockTimeout = null, Func<DateTimeOffset>? clock = null)
        {
            Directory = JournalLocation.Resolve(directory);
            LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
            if (LockTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lockTimeout));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The directory holding the month files.</summary>
        public string Directory { get; }

        /// <summary>The bounded wait for the lock; a write that cannot get it in time throws and nothing is sent.</summary>
        public TimeSpan LockTimeout { get; }

        public void RecordIntent(MoneyMoveIntent intent)
        {
            if (intent is null) throw new ArgumentNullException(nameof(intent));
            // Ties this intent's outcome lines to its own entry, also when other moves share its reference.
            if (string.IsNullOrEmpty(intent.MoveId)) intent.MoveId = NewMoveId();
            var now = _clock();
            string file = Path.Combine(Directory, JournalFileNames.ForMonth(now));
            Append(file, JournalLine.Intent(intent, now, CurrentProcessId));
            _intentFiles.Remove(intent);
            _intentFiles.Add(intent, file);
        }

        public void RecordOutcome(MoneyMoveIntent intent, MoneyMoveState state, string? reason, string? transactionId)
        {
            if (intent is null) throw new ArgumentNullException(nameof(intent));
            var now = _clock();
            string file = _intentFiles.TryGetValue(intent, out var known) ? known : Path.Combine(Directory, JournalFileNames.ForMonth(now));
            Append(file, JournalLine.Outcome(intent, state, reason, transactionId, now, CurrentProcessId));
        }

        /// <summary>
        /// Writes a settled state for an entry read back from the journal, into the entry's own file, and
        /// returns the entry as now folded. Under the lock it first re-reads the entry: if the process that
        /// sent the move (or another Sync) recorded a final outcome meanwhile, that one stands and nothing is written.
        /// </summary>
        public JournalEntry RecordSettlement(JournalEntry entry, MoneyMoveState state, string? reason, string? transactionId)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            var now = _clock();
            string file = string.IsNullOrEmpty(entry.JournalFile) ? Path.Combine(Directory, JournalFileNames.ForMonth(now)) : entry.JournalFile;
            var line = JournalLine.Outcome(entry.ToIntent(), state, reason, transactionId, now, CurrentProcessId);
            using (Lock())
            {
                var current = File.Exists(file) ? JournalReader.FoldOne(file, entry) : null;
                if (current is not null && !current.IsOpen) return current;
                AppendLocked(file, line);
                var updated = (current ?? entry).Clone();
                JournalFold.Apply(updated, line);
                return updated;
            }
        }

        /// <summary>
        /// Creates the directory (owner-only) and takes and releases the lock once, so a journal that cannot
        /// be written fails when connecting rather than at the first money move.
        /// </summary>
        public void EnsureWritable()
        {
            using (Lock()) { }
        }

        /// <summary>Streams the entries, newest month first (newest entry first within a month).</summary>
        public IEnumerable<JournalEntry> Read(JournalQuery? query = null, Action<string>? warning = null) =>
            new JournalReader(this).Read(query ?? new JournalQuery(), warning);

        /// <inheritdoc />
        public long ReserveTopUpKey(int posId, long atLeast)
        {
            using (Lock())
            {
                string path = Path.Combine(Directory, JournalFileNames.TopUpKey(posId));
                long stored = ReadStoredKey(path);
                long next = Math.Max(atLeast, stored + 1);
                WriteStoredKey(path, next);
                return next;
            }
        }

        /// <summary>The last TopUp key any process drew for the POS through this directory (0 when none).</summary>
        public long LastTopUpKey(int posId)
        {
            using (Lock()) return ReadStoredKey(Path.Combine(Directory, JournalFileNames.TopUpKey(posId)));
        }

        internal JournalLock Lock()
        {
            EnsureDirectory();
            return JournalLock.Acquire(Directory, LockTimeout);
        }

        private void Append(string file, JournalLine line)
        {
            using (Lock()) AppendLocked(file, line);
        }

        /// <summary>Appends one line; the caller holds the lock (it is not re-entrant across the OS lock file).</summary>
        private static void AppendLocked(string file, JournalLine line)
        {
            byte[] bytes = line.ToUtf8();
            using (var stream = OpenForAppend(file))
            {
                // A crash mid-write leaves a line without its newline; start on a fresh line so only that torn line is lost.
                if (stream.Length > 0)
                {
                    stream.Seek(-1, SeekOrigin.End);
                    if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
                }
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
        }

        private static FileStream OpenForAppend(string file)
        {
            bool created = !File.Exists(file);
            // FileShare.ReadWrite: readers stream the file meanwhile; writers are kept apart by the lock.
            var stream = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 4096, FileOptions.None);
            try
            {
                if (created || stream.Length == 0) JournalPlatform.RestrictToOwner(file, directory: false);
                return stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        private void EnsureDirectory()
        {
            if (_directoryReady && System.IO.Directory.Exists(Directory)) return;
            if (!System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.CreateDirectory(Directory);
                JournalPlatform.RestrictToOwner(Directory, directory: true);
            }
            string lockFile = Path.Combine(Directory, JournalFileNames.LockFile);
            if (!File.Exists(lockFile))
            {
                try
                {
                    using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) { }
                    JournalPlatform.RestrictToOwner(lockFile, directory: false);
                }
                catch (IOException) when (File.Exists(lockFile))
                {
                    // Another instance or process created it a moment ago and holds it: it made it owner-only too.
                }
            }
            _directoryReady = true;
        }

        private static long ReadStoredKey(string path)
        {
            if (!File.Exists(path)) return 0;
            string text;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream, JournalLine.Utf8))
                text = reader.ReadToEnd().Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long key) ? key : 0;
        }

        /// <summary>
        /// Written to a side file and renamed over the old one, so a crash leaves the old key or the new one,
        /// never a truncated number. Not fsynced: a process crash keeps the page cache, and after a machine
        /// crash the wall clock the keys follow has long passed the few milliseconds a burst runs ahead.
        /// </summary>
        private static void WriteStoredKey(string path, long key)
        {
            string side = path + ".new";
            byte[] bytes = Encoding.ASCII.GetBytes(key.ToString(CultureInfo.InvariantCulture) + "\n");
            using (var stream = new FileStream(side, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JournalPlatform.RestrictToOwner(side, directory: false);
                stream.Write(bytes, 0, bytes.Length);
            }
            if (File.Exists(path)) File.Replace(side, path, null);
            else File.Move(side, path);
        }

        private static string NewMoveId() => Guid.NewGuid().ToString("N");

        private static int GetProcessId()
        {
            using (var process = Process.GetCurrentProcess()) return process.Id;
        }

        public override string ToString() => $"PayNet journal in {Directory}";
    }
}
