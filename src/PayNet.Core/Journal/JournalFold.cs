using System;
using System.Collections.Generic;

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
            MoveId = intent.MoveId,
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
                entry.ResentWhileOpen = true;
            }
            else if (entry.ResentWhileOpen && line.State == MoneyMoveState.Failed)
            {
                // The re-send was refused; the first send may have booked (a duplicate refusal says so): still unknown.
                entry.State = MoneyMoveState.Unknown;
                entry.Reason = $"sent again and that was refused ({line.Reason}); whether the first send booked is still unknown";
                entry.ResentWhileOpen = false; // a later outcome (Sync-PayNetJournal reading PayNet) decides
            }
            else
            {
                entry.ResentWhileOpen = false;
                entry.State = line.State ?? entry.State;
                entry.Reason = line.Reason;
                if (!string.IsNullOrEmpty(line.TransactionId)) entry.TransactionId = line.TransactionId;
            }
            if (line.Time > entry.LastUpdate) entry.LastUpdate = line.Time;
        }

        /// <summary>
        /// Whether a new intent is the open entry's move sent again (a TopUp confirm repeated while New, a payment
        /// re-sent after an unknown), rather than a move of its own. Only while the entry is open and the intent is
        /// the same in every field; never for a Card refund, whose reference names the refunded transaction, which
        /// may get several refund requests. A finished move, or a different amount under a reused reference, is a new entry.
        /// </summary>
        public static bool ContinuesAsSameMove(JournalEntry entry, JournalLine intent) =>
            entry.IsOpen &&
            !NamesAnotherTransaction(intent.Service, intent.Operation) &&
            string.Equals(entry.Operation, intent.Operation, StringComparison.Ordinal) &&
            entry.Amount == (intent.Amount ?? 0m) &&
            string.Equals(entry.Currency, intent.Currency ?? string.Empty, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(entry.Payee, intent.Payee, StringComparison.Ordinal) &&
            string.Equals(entry.ProductOrAccount, intent.ProductOrAccount, StringComparison.Ordinal);

        /// <summary>A Card refund's reference is the xact id of the transaction refunded, not of the refund request.</summary>
        public static bool NamesAnotherTransaction(PayNetApi service, string operation) =>
            service == PayNetApi.Card && string.Equals(operation, JournalSettler.CardRefundOperation, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Folds the lines of one journal file, in file order, into entries. An outcome line carries the move id of its
    /// intent and goes to that entry; a line written before move ids existed goes to the latest entry of its
    /// (service, connection, reference).
    /// </summary>
    internal sealed class JournalFolder
    {
        private readonly string _file;
        private readonly Dictionary<(PayNetApi, string, string), JournalEntry> _latest = new Dictionary<(PayNetApi, string, string), JournalEntry>();
        private readonly Dictionary<string, JournalEntry> _byMove = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);

        public JournalFolder(string file) => _file = file;

        /// <summary>The entries in the order their first intent was written.</summary>
        public List<JournalEntry> Entries { get; } = new List<JournalEntry>();

        /// <summary>Folds one line in; false for an outcome whose intent is not in this file (yet).</summary>
        public bool Add(JournalLine line)
        {
            if (line.Kind != JournalLine.IntentKind)
            {
                var target = Find(line);
                if (target is null) return false;
                JournalFold.Apply(target, line);
                return true;
            }

            var key = JournalFold.KeyOf(line);
            JournalEntry? entry = null;
            if (line.MoveId is not null) _byMove.TryGetValue(line.MoveId, out entry);
            if (entry is null && _latest.TryGetValue(key, out var latest) && JournalFold.ContinuesAsSameMove(latest, line)) entry = latest;
            if (entry is null)
            {
                entry = JournalFold.Start(line, _file);
                Entries.Add(entry);
                _latest[key] = entry;
            }
            else JournalFold.Apply(entry, line);
            if (line.MoveId is not null) _byMove[line.MoveId] = entry;
            return true;
        }

        /// <summary>The entry an outcome line belongs to: by its move id, else (an older line) the latest of its key.</summary>
        public JournalEntry? Find(JournalLine line)
        {
            if (line.MoveId is not null) return _byMove.TryGetValue(line.MoveId, out var byMove) ? byMove : null;
            return _latest.TryGetValue(JournalFold.KeyOf(line), out var latest) ? latest : null;
        }

        /// <summary>The entry of one move (by its id, else the latest of its key), as folded so far.</summary>
        public JournalEntry? Find(JournalEntry wanted)
        {
            if (wanted.MoveId is not null) return _byMove.TryGetValue(wanted.MoveId, out var byMove) ? byMove : null;
            return _latest.TryGetValue((wanted.Service, wanted.Connection, wanted.Reference), out var latest) ? latest : null;
        }
    }
}
