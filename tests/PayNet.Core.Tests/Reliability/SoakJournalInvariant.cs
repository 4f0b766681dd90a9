using PayNet.Core.Journal;

namespace PayNet.Core.Tests.Reliability;

/// <summary>
/// I4 for one sequence (issue 15), judged against the sandbox's bookings, never the client's report: every booking
/// the sandbox made has a journal entry with the same reference, amount and currency (Wallet and TopUp by reference;
/// Card refund requests one entry each, by xact id); no entry is left Sent; and every Succeeded entry has a booking.
/// </summary>
public static class SoakJournalInvariant
{
    public static List<string> Check(IReadOnlyList<SoakBooking> bookings, IReadOnlyList<JournalEntry> entries, IReadOnlyList<string> readWarnings)
    {
        var violations = readWarnings.Select(w => "I4: reading the journal warned: " + w).ToList();

        foreach (var open in entries.Where(e => e.State == MoneyMoveState.Sent))
            violations.Add($"I4: journal entry left Sent, without an outcome: {open}");

        // A pending transfer that later failed at the gateway was still sent and journaled: it needs an entry too.
        foreach (var booking in bookings.Where(b => b.Api != "Card"))
        {
            var service = Service(booking.Api);
            var sameReference = entries.Where(e => e.Service == service && e.Reference == booking.Reference).ToList();
            if (sameReference.Count == 0)
                violations.Add($"I4: {booking.Api} booking '{booking.Reference}' ({booking.Amount} {booking.Currency}) has no journal entry.");
            else if (!sameReference.Any(e => Agrees(e, booking)))
                violations.Add($"I4: {booking.Api} booking '{booking.Reference}' ({Math.Abs(booking.Amount)} {booking.Currency}) differs from its journal entries: " +
                               string.Join("; ", sameReference));
        }

        // Several refund requests may name one transaction: each new request needs its own entry.
        var cardEntries = entries.Where(e => e.Service == PayNetApi.Card).ToList();
        var unmatched = cardEntries.ToList();
        foreach (var request in bookings.Where(b => b.Api == "Card"))
        {
            var entry = unmatched.FirstOrDefault(e => e.Reference == request.Reference && Agrees(e, request));
            if (entry is null)
                violations.Add($"I4: Card refund request for '{request.Reference}' ({request.Amount} TRY) has no journal entry of its own; the Card entries: " +
                               (cardEntries.Count == 0 ? "none" : string.Join("; ", cardEntries)));
            else unmatched.Remove(entry);
        }

        foreach (var success in entries.Where(e => e.State == MoneyMoveState.Succeeded))
        {
            bool booked = bookings.Any(b => !b.HoldsNoMoney && Service(b.Api) == success.Service && b.Reference == success.Reference && Agrees(success, b));
            if (!booked) violations.Add($"I4: journal entry Succeeded but the sandbox booked no such move: {success}");
        }
        return violations;
    }

    private static PayNetApi Service(string api) => (PayNetApi)Enum.Parse(typeof(PayNetApi), api);

    /// <summary>Same amount (ledger debits are negative) and, where the sandbox names it, the same currency.</summary>
    private static bool Agrees(JournalEntry entry, SoakBooking booking) =>
        entry.Amount == Math.Abs(booking.Amount) &&
        (booking.Currency is null || string.Equals(entry.Currency, booking.Currency, StringComparison.OrdinalIgnoreCase));
}
