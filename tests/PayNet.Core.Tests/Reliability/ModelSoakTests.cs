using System.Collections.Concurrent;
using CsCheck;
using Xunit.Abstractions;

namespace PayNet.Core.Tests.Reliability;

/// <summary>
/// Model-based fault soak (issues 13 and 20). CsCheck generates sequences of every money move (member payments,
/// static and dynamic QR payments, withdrawals, add money, top-ups, Card refunds) and lookups, with random faults
/// (including those that commit and then misbehave), random cancellation points, references that differ only in
/// case or are reused across types, and amounts as CSV text read by the strict parser. After each sequence the
/// sandbox's own record is the judge:
///   I1 no reference booked twice; I2 every reported success has a booking with the same reference, amount,
///   currency and payee; I3 every booking was reported as a success or as a state unknown naming it;
///   I4 (issue 15) every booking has a journal entry with its reference, amount and currency, no entry is left Sent,
///   and every Succeeded entry has a booking (the clients write to a journal of their own per sequence).
/// A failing sequence is shrunk by CsCheck to its smallest form. Size: PAYNET_SOAK_SIZE operations (default 60, CI);
/// PAYNET_SOAK_SIZE=2000 is the long run; PAYNET_SOAK_SEED=n replays a fixed run. Run alone: dotnet test --filter Category=Soak
/// </summary>
[Trait("Category", "Soak")]
public sealed class ModelSoakTests
{
    private readonly ITestOutputHelper _output;

    private int _bookingsJudged, _journalEntriesJudged;

    public ModelSoakTests(ITestOutputHelper output) => _output = output;

    private static int Size => int.TryParse(Environment.GetEnvironmentVariable("PAYNET_SOAK_SIZE"), out var n) && n > 0 ? n : 60;

    private static int Threads => int.TryParse(Environment.GetEnvironmentVariable("PAYNET_SOAK_THREADS"), out var n) && n > 0 ? n : 2;

    /// <summary>
    /// PAYNET_SOAK_SEED=n runs a fixed list of sequences drawn from that seed, each on the world of its thread, without
    /// shrinking: the same run again (faults still race the clock, as on a real network). Unset, CsCheck draws and shrinks.
    /// </summary>
    private static ulong? Seed => ulong.TryParse(Environment.GetEnvironmentVariable("PAYNET_SOAK_SEED"), out var n) ? n : null;

    [Fact]
    public async Task Every_money_move_under_faults_and_cancellation_keeps_I1_I2_I3_I4()
    {
        var worlds = new ConcurrentBag<SoakWorld>();
        var outcomes = new ConcurrentQueue<SoakOutcome>();
        int sequences = Math.Max(2, (int)Math.Ceiling(Size / 8.0));
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (Seed is ulong seed) await RunSeededAsync(seed, sequences, worlds, outcomes);
            else
                await SoakGen.Sequence.SampleAsync(ops => RunSequenceAsync(ops, worlds, outcomes),
                    iter: sequences, threads: Threads, print: Print, writeLine: _output.WriteLine);
        }
        finally
        {
            foreach (var world in worlds) await world.DisposeAsync();
            _output.WriteLine($"Soak of {sequences} sequences ({(Seed is ulong s ? $"seed {s}" : "CsCheck random")}, {Threads} threads) took {started.Elapsed.TotalSeconds:0.0} s");
            Report(outcomes.ToList());
            _output.WriteLine($"I4: {_bookingsJudged} sandbox bookings and {_journalEntriesJudged} journal entries judged");
        }

        var moves = outcomes.Where(o => o.Op.MovesMoney).ToList();
        var unknown = moves.Where(o => o.Status == SoakStatus.Unknown).ToList();
        double rate = moves.Count == 0 ? 0 : unknown.Count / (double)moves.Count;
        // The 2% target is a rate of all money moves under the whole fault mix: judged on the long run
        // (PAYNET_SOAK_SIZE >= 500). On CI's short run one unlucky unknown among ~50 moves is already 2%, so there
        // only a loose bound guards against a broken settle path.
        double bound = Size >= 500 ? 0.02 : 0.10;
        Assert.True(rate <= bound, $"{rate:P1} of money moves stayed unknown (at most {bound:P0} for a run of {Size}).");
    }

    /// <summary>Runs one sequence on a world of its own (reset, with a fresh journal) and judges it by I1-I4.</summary>
    private async Task RunSequenceAsync(SoakOp[] ops, ConcurrentBag<SoakWorld> worlds, ConcurrentQueue<SoakOutcome> outcomes)
    {
        var world = worlds.TryTake(out var w) ? w : await SoakWorld.StartAsync();
        try
        {
            await world.ResetAsync();
            var results = new List<SoakOutcome>();
            foreach (var op in ops)
            {
                var outcome = await world.RunAsync(op);
                // The same reference already taken in this sequence: the server refuses the duplicate, and when
                // that refusal is lost the client cannot tell it from the earlier booking (deliberate collisions).
                bool taken = outcome.Api != "Card" && results.Any(r => r.Api == outcome.Api && r.Op.Reference == op.Reference &&
                                                                     r.Status is SoakStatus.Succeeded or SoakStatus.Unknown);
                results.Add(outcome with { ReferenceTaken = taken });
            }
            // Late bookings (a delay fault books after the client gave up) land before the sandbox is judged.
            await world.WaitForLateBookingsAsync();
            var bookings = await world.BookingsAsync();
            var violations = SoakInvariants.Check(results, bookings);
            var (journal, journalWarnings) = world.JournalEntries();
            violations.AddRange(SoakJournalInvariant.Check(bookings, journal, journalWarnings));
            Interlocked.Add(ref _bookingsJudged, bookings.Count);
            Interlocked.Add(ref _journalEntriesJudged, journal.Count);
            foreach (var r in results) outcomes.Enqueue(r);
            // The journal is the client's own account of each move (with the reason of every settle): it explains a violation.
            if (violations.Count > 0)
                throw new Exception("Invariant violated:\n" + string.Join("\n", violations) + "\nThe journal of the sequence:\n  " +
                                    string.Join("\n  ", journal.Select(e => $"{e} [transaction {e.TransactionId}]")));
        }
        finally
        {
            worlds.Add(world);
        }
    }

    /// <summary>The sequences the seed gives, in order, spread over the threads; the first failing one is reported with its ops.</summary>
    private async Task RunSeededAsync(ulong seed, int sequences, ConcurrentBag<SoakWorld> worlds, ConcurrentQueue<SoakOutcome> outcomes)
    {
        var pcg = new PCG(1, seed);
        var all = Enumerable.Range(0, sequences).Select(_ => SoakGen.Sequence.Generate(pcg, null!, out Size _)).ToArray();
        int next = -1;
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < all.Length && failures.IsEmpty)
            {
                try { await RunSequenceAsync(all[i], worlds, outcomes); }
                catch (Exception e) { failures.Enqueue($"Sequence {i} of seed {seed}:\n{Print(all[i])}\n{e.Message}"); }
            }
        })));
        if (!failures.IsEmpty) throw new Exception(string.Join("\n\n", failures));
    }

    private static string Print(SoakOp[] ops) => string.Join("\n", ops.Select(o => o.ToString()));

    /// <summary>An unknown the re-check should have settled: the fault let the move commit and its reference was its own.</summary>
    private static bool Settleable(SoakOutcome o) => !o.Op.RefusedBeforeCommit && !o.ReferenceTaken;

    private void Report(List<SoakOutcome> all)
    {
        var moves = all.Where(o => o.Op.MovesMoney).ToList();
        int unknown = moves.Count(o => o.Status == SoakStatus.Unknown);
        int unknownBeforeCommit = moves.Count(o => o.Status == SoakStatus.Unknown && o.Op.RefusedBeforeCommit);
        int unknownTaken = moves.Count(o => o.Status == SoakStatus.Unknown && !o.Op.RefusedBeforeCommit && o.ReferenceTaken);
        int unknownSettleable = moves.Count(o => o.Status == SoakStatus.Unknown && Settleable(o));
        _output.WriteLine($"Model soak: {all.Count} operations ({moves.Count} money moves) in sequences of 4-12");
        _output.WriteLine("By move: " + string.Join(", ", all.GroupBy(o => o.Op.Move).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        _output.WriteLine("Faults: " + string.Join(", ", all.GroupBy(o => o.Op.Fault).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        _output.WriteLine($"Cancelled by the caller mid-call: {all.Count(o => o.Op.CancelAfterMs is not null)}; amount text refused by the parser: {moves.Count(o => o.Status == SoakStatus.Invalid)}");
        _output.WriteLine("Outcomes: " + string.Join(", ", moves.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        _output.WriteLine($"Unknown: {unknown} of {moves.Count} money moves ({(moves.Count == 0 ? 0 : unknown / (double)moves.Count):P2}); " +
                          $"answered 500/503 before anything ran: {unknownBeforeCommit}; duplicate of a reference already taken (refusal lost): {unknownTaken}; " +
                          $"left unsettled although the move could commit: {unknownSettleable} ({(moves.Count == 0 ? 0 : unknownSettleable / (double)moves.Count):P2})");
        foreach (var group in moves.Where(o => o.Status == SoakStatus.Unknown).GroupBy(o => (o.Op.Move, o.Op.Fault)))
            _output.WriteLine($"  unknown {group.Key.Move} under {group.Key.Fault}: {group.Count()}");
        foreach (var o in moves.Where(o => o.Status == SoakStatus.Unknown).Take(60))
            _output.WriteLine($"  why: {o.Op} -> {o.Message}");
    }
}

/// <summary>I1, I2, I3 for one sequence, judged against the sandbox's bookings.</summary>
public static class SoakInvariants
{
    public static List<string> Check(IReadOnlyList<SoakOutcome> outcomes, IReadOnlyList<SoakBooking> bookings)
    {
        var violations = new List<string>();
        var moves = outcomes.Where(o => o.Op.MovesMoney).ToList();

        var all = bookings;
        bookings = bookings.Where(b => !b.HoldsNoMoney).ToList();
        foreach (var group in bookings.Where(b => b.Api != "Card").GroupBy(b => (b.Api, b.Reference)))
            if (group.Count() > 1) violations.Add($"I1: {group.Key.Api} reference '{group.Key.Reference}' is booked {group.Count()} times.");
        foreach (var group in bookings.Where(b => b.Api == "Card").GroupBy(b => b.Reference))
        {
            int sent = moves.Count(o => o.Api == "Card" && o.Reference == group.Key && o.Status is not (SoakStatus.Invalid or SoakStatus.Cancelled));
            if (group.Count() > sent) violations.Add($"I1: Card transaction '{group.Key}' got {group.Count()} refund requests from {sent} requests sent.");
        }

        var unusedCard = bookings.Where(b => b.Api == "Card").ToList();
        foreach (var success in moves.Where(o => o.Status == SoakStatus.Succeeded))
        {
            if (success.Api == "Card")
            {
                var match = unusedCard.FirstOrDefault(b => b.Reference == success.Reference && (success.Op.AmountText == "full" || b.Amount == success.Amount));
                if (match is null) violations.Add($"I2: refund of {success.Reference} ({success.Amount}) reported but no such request: {success.Op}");
                else unusedCard.Remove(match);
                continue;
            }
            // A Pending report is true of a transfer that later failed at the gateway too (it then holds no money).
            var booked = (success.Pending ? all : bookings).Where(b => b.Api == success.Api && b.Reference == success.Reference).ToList();
            if (booked.Count != 1) { violations.Add($"I2: {success.Api} success '{success.Reference}' has {booked.Count} bookings: {success.Op}"); continue; }
            var b = booked[0];
            if (Math.Abs(b.Amount) != success.Amount) violations.Add($"I2: '{success.Reference}' reported {success.Amount}, booked {b.Amount}: {success.Op}");
            if (b.Currency is not null && !string.Equals(b.Currency, success.Currency, StringComparison.OrdinalIgnoreCase))
                violations.Add($"I2: '{success.Reference}' reported {success.Currency}, booked {b.Currency}: {success.Op}");
            bool payeeAgrees = success.Payee == "system" ? b.Payee is null || b.Payee.StartsWith("system", StringComparison.Ordinal) : b.Payee == success.Payee;
            if (!payeeAgrees) violations.Add($"I2: '{success.Reference}' reported payee {success.Payee}, booked for {b.Payee}: {success.Op}");
        }

        foreach (var b in bookings.Where(b => b.Api != "Card"))
        {
            bool told = moves.Any(o => o.Api == b.Api && o.Reference == b.Reference && o.Status is SoakStatus.Succeeded or SoakStatus.Unknown);
            if (!told) violations.Add($"I3: {b.Api} booking '{b.Reference}' ({b.Amount}) was never reported as success or unknown.");
        }
        foreach (var group in bookings.Where(b => b.Api == "Card").GroupBy(b => b.Reference))
        {
            int told = moves.Count(o => o.Api == "Card" && o.Reference == group.Key && o.Status is SoakStatus.Succeeded or SoakStatus.Unknown);
            if (group.Count() > told) violations.Add($"I3: Card transaction '{group.Key}' has {group.Count()} new refund requests but only {told} were reported.");
        }

        foreach (var unknown in moves.Where(o => o.Status == SoakStatus.Unknown))
        {
            string expected = unknown.Api == "Card" ? unknown.Reference : unknown.Op.Reference;
            if (unknown.Reference != expected) violations.Add($"Unknown names '{unknown.Reference}', not '{expected}': {unknown.Op}");
        }
        return violations;
    }
}
