using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PayNet.Core.Journal
{
    /// <summary>How intent and outcome lines fold into one entry.</summary>
    internal static class JournalFold
    {
        public static (PayNetApi, string, string) KeyOf(JournalLine line) => (line.Service, line.Connection, line.Reference);

        public static JournalEntry Start(JournalLine intent, string file) => new JournalEntry
        {
            Service = intent.Service,
            Connection = intent.Connection,
            Operation = intent.Operation,
            Reference = intent.Reference,
            Amount = intent.Amount ?? 0m,
            Currency = intent.Currency ?? string.Empty,
            Payee = intent.Payee,
            ProductOrAccount = intent.ProductOrAccount,
            Time = intent.Time,
            ProcessId = intent.ProcessId,
            State = MoneyMoveState.Sent,
            LastUpdate = intent.Time,
            JournalFile = file,
        };

        public static void Apply(JournalEntry entry, JournalLine line)
        {
            if (line.Kind == JournalLine.IntentKind)
            {
                // The same move sent again under its own reference (a TopUp confirm repeated while New): in flight again.
                entry.State = MoneyMoveState.Sent;
                entry.Reason = null;
                entry.ProcessId = line.ProcessId;
            }
            else
            {
                entry.State = line.State ?? entry.State;
                entry.Reason = line.Reason;
                if (!string.IsNullOrEmpty(line.TransactionId)) entry.TransactionId = line.TransactionId;
            }
            if (line.Time > entry.LastUpdate) entry.LastUpdate = line.Time;
        }
    }

    /// <summary>
    /// Streams the journal newest month first. Memory holds one month's entries at a time (plus the rare
    /// outcome whose intent sits in an older file), never the whole history. Each file is read only up to
    /// the length it had when the read began, so a line being appended meanwhile is not mistaken for a
    /// torn one. Lines that do not parse (a crash mid-write tears the last one) are skipped with a warning.
    /// </summary>
    internal sealed class JournalReader
    {
        private readonly FileMoneyJournal _journal;

        public JournalReader(FileMoneyJournal journal) => _journal = journal;

        public IEnumerable<JournalEntry> Read(JournalQuery query, Action<string>? warning)
        {
            var files = Snapshot(query.Since);
            // Outcome lines met before their intent (an outcome appended to a newer month), waiting for older files.
            var orphans = new Dictionary<(PayNetApi, string, string), List<JournalLine>>();
            foreach (var (path, length) in files)
            {
                var entries = new Dictionary<(PayNetApi, string, string), JournalEntry>();
                var order = new List<JournalEntry>();
                var fileOrphans = new List<JournalLine>();
                foreach (var (text, lineNumber, isLast) in Lines(path, length))
                {
                    var line = JournalLine.TryParse(text, out string? problem);
                    if (line is null)
                    {
                        warning?.Invoke(isLast
                            ? $"Skipped the torn last line {lineNumber} of '{path}' ({problem}); a crash mid-write leaves one. Nothing else is affected."
                            : $"Skipped line {lineNumber} of '{path}': {problem}.");
                        continue;
                    }
                    var key = JournalFold.KeyOf(line);
                    if (entries.TryGetValue(key, out var entry)) JournalFold.Apply(entry, line);
                    else if (line.Kind == JournalLine.IntentKind)
                    {
                        entry = JournalFold.Start(line, path);
                        entries.Add(key, entry);
                        order.Add(entry);
                    }
                    else fileOrphans.Add(line);
                }

                // Outcomes from newer files are later than anything in this one.
                foreach (var pair in entries)
                {
                    if (!orphans.TryGetValue(pair.Key, out var later)) continue;
                    foreach (var line in later) JournalFold.Apply(pair.Value, line);
                    orphans.Remove(pair.Key);
                }
                foreach (var group in fileOrphans.GroupBy(JournalFold.KeyOf))
                {
                    if (!orphans.TryGetValue(group.Key, out var list)) orphans[group.Key] = list = new List<JournalLine>();
                    list.InsertRange(0, group); // an older file: earlier than the lines already waiting
                }

                for (int i = order.Count - 1; i >= 0; i--)
                    if (query.Matches(order[i])) yield return order[i];
            }
            if (query.Since is null)
                foreach (var key in orphans.Keys)
                    warning?.Invoke($"An outcome for {key.Item1} reference '{key.Item3}' ({key.Item2}) has no intent in the journal; its month file may have been removed.");
        }

        /// <summary>One entry folded from one file (null when its intent is not there), read to the file's current end.</summary>
        internal static JournalEntry? FoldOne(string path, (PayNetApi, string, string) key)
        {
            JournalEntry? entry = null;
            foreach (var (text, _, _) in Lines(path, new FileInfo(path).Length))
            {
                // Cheap pre-filter: only lines that mention the reference are parsed.
                if (text.IndexOf(key.Item3, StringComparison.Ordinal) < 0) continue;
                var line = JournalLine.TryParse(text, out _);
                if (line is null || JournalFold.KeyOf(line) != key) continue;
                if (entry is not null) JournalFold.Apply(entry, line);
                else if (line.Kind == JournalLine.IntentKind) entry = JournalFold.Start(line, path);
            }
            return entry;
        }

        /// <summary>The month files to read with their current lengths, taken under the lock so every length ends on a whole line.</summary>
        private List<(string Path, long Length)> Snapshot(DateTimeOffset? since)
        {
            var result = new List<(string, long)>();
            if (!System.IO.Directory.Exists(_journal.Directory)) return result;
            JournalLock? held = null;
            try
            {
                held = _journal.Lock();
            }
            catch (UnauthorizedAccessException)
            {
                // A journal this user may read but not write (an archive, another account's copy): nobody appends to it through us.
            }
            using (held)
            {
                foreach (var (path, month) in JournalFileNames.MonthFiles(_journal.Directory))
                {
                    if (since.HasValue && month.AddMonths(1) <= since.Value.UtcDateTime) break; // newest first: all older ones end before Since too
                    result.Add((path, new FileInfo(path).Length));
                }
            }
            return result;
        }

        /// <summary>The non-empty lines of the first <paramref name="length"/> bytes, decoded as UTF-8, one at a time.</summary>
        private static IEnumerable<(string Text, int Number, bool IsLast)> Lines(string path, long length)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            }
            catch (FileNotFoundException)
            {
                yield break;
            }
            using (stream)
            {
                var buffer = new byte[1 << 16];
                var current = new MemoryStream();
                long remaining = length;
                int number = 0;
                string? pending = null;
                int pendingNumber = 0;
                while (remaining > 0)
                {
                    int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                    if (read <= 0) break;
                    remaining -= read;
                    int start = 0;
                    for (int i = 0; i < read; i++)
                    {
                        if (buffer[i] != (byte)'\n') continue;
                        current.Write(buffer, start, i - start);
                        start = i + 1;
                        number++;
                        string text = JournalLine.Utf8.GetString(current.GetBuffer(), 0, (int)current.Length).Trim();
                        current.SetLength(0);
                        if (text.Length == 0) continue;
                        if (pending is not null) yield return (pending, pendingNumber, false);
                        pending = text;
                        pendingNumber = number;
                    }
                    current.Write(buffer, start, read - start);
                }
                // Bytes after the last newline: a line torn by a crash mid-write.
                string tail = JournalLine.Utf8.GetString(current.GetBuffer(), 0, (int)current.Length).Trim();
                if (tail.Length > 0)
                {
                    if (pending is not null) yield return (pending, pendingNumber, false);
                    yield return (tail, number + 1, true);
                }
                else if (pending is not null) yield return (pending, pendingNumber, true);
            }
        }
    }
}
