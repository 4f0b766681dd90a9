using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PayNet.Core.Journal
{
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
            var orphans = new Dictionary<(PayNetApi, string, string, string), List<JournalLine>>();
            foreach (var (path, length) in files)
            {
                var folder = new JournalFolder(path);
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
                    if (!folder.Add(line)) fileOrphans.Add(line);
                }

                // Outcomes from newer files are later than anything in this one.
                foreach (var waiting in orphans.ToList())
                {
                    var entry = folder.Find(waiting.Value[0]);
                    if (entry is null) continue;
                    foreach (var line in waiting.Value) JournalFold.Apply(entry, line);
                    orphans.Remove(waiting.Key);
                }
                foreach (var group in fileOrphans.GroupBy(OrphanKey))
                {
                    if (!orphans.TryGetValue(group.Key, out var list)) orphans[group.Key] = list = new List<JournalLine>();
                    list.InsertRange(0, group); // an older file: earlier than the lines already waiting
                }

                for (int i = folder.Entries.Count - 1; i >= 0; i--)
                    if (query.Matches(folder.Entries[i])) yield return folder.Entries[i];
            }
            if (query.Since is null)
                foreach (var key in orphans.Keys)
                    warning?.Invoke($"An outcome for {key.Item1} reference '{key.Item3}' ({key.Item2}) has no intent in the journal; its month file may have been removed.");
        }

        private static (PayNetApi, string, string, string) OrphanKey(JournalLine line) => (line.Service, line.Connection, line.Reference, line.MoveId ?? string.Empty);

        /// <summary>
        /// One entry as folded from one file, read to the file's current end: the move <paramref name="wanted"/> is
        /// (by move id; an entry written before move ids by its key). Null when its intent is not in that file.
        /// </summary>
        internal static JournalEntry? FoldOne(string path, JournalEntry wanted)
        {
            var folder = new JournalFolder(path);
            var key = (wanted.Service, wanted.Connection, wanted.Reference);
            foreach (var (text, _, _) in Lines(path, new FileInfo(path).Length))
            {
                // Cheap pre-filter: only lines that mention the reference are parsed.
                if (text.IndexOf(wanted.Reference, StringComparison.Ordinal) < 0) continue;
                var line = JournalLine.TryParse(text, out _);
                if (line is null || JournalFold.KeyOf(line) != key) continue;
                folder.Add(line);
            }
            return folder.Find(wanted);
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
