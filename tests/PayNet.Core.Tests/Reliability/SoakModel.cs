using CsCheck;

namespace PayNet.Core.Tests.Reliability;

/// <summary>Every money move the module makes, and two lookups.</summary>
public enum SoakMove { MemberPayment, QrStatic, QrDynamic, Withdrawal, AddMoney, TopUp, Refund, HistoryLookup, TopUpLookup }

/// <summary>
/// What the sandbox does to the op's route: nothing, refuse before committing, or commit and then misbehave
/// (late answer, dropped connection, 500, truncated or unreadable 200), or book late after the client gave up.
/// </summary>
public enum SoakFault { None, Status500Before, Status503Before, Status500AfterCommit, DropAfterCommit, Malformed, UnreadableAfterCommit, DelayAfterCommit, LateBooking, Status429 }

/// <summary>One generated operation: what to do, under which reference, with what amount text (a CSV cell), which fault, and when the caller cancels.</summary>
public sealed record SoakOp(SoakMove Move, string Reference, string AmountText, SoakFault Fault, int? CancelAfterMs, int Pick)
{
    public bool MovesMoney => Move is not (SoakMove.HistoryLookup or SoakMove.TopUpLookup);

    /// <summary>Faults that answer 500/503 before anything commits: settled as "not booked" once every lookup shows nothing.</summary>
    public bool RefusedBeforeCommit => Fault is SoakFault.Status500Before or SoakFault.Status503Before;

    public override string ToString() =>
        $"{Move} ref={Reference} amount='{AmountText}' fault={Fault}{(CancelAfterMs is int c ? $" cancel@{c}ms" : "")}{(Move == SoakMove.Refund ? $" pick={Pick}" : "")}";
}

/// <summary>The generators: references that differ only in case and references reused across types are common on purpose.</summary>
public static class SoakGen
{
    private static readonly string[] SharedReferences = { "INV-1", "inv-1", "Inv-1", "MIX-1", "mix-1" };
    private static readonly string[] BadAmounts = { "1,50", "10,00", "1,0", "1e1", "0x10", "١٠", "-2.00", "2.", ".5", "1 000" };

    public static readonly Gen<SoakMove> Move = Gen.Frequency(
        (5, Gen.Const(SoakMove.MemberPayment)), (1, Gen.Const(SoakMove.QrStatic)), (1, Gen.Const(SoakMove.QrDynamic)),
        (2, Gen.Const(SoakMove.Withdrawal)), (2, Gen.Const(SoakMove.AddMoney)), (4, Gen.Const(SoakMove.TopUp)),
        (2, Gen.Const(SoakMove.Refund)), (1, Gen.Const(SoakMove.HistoryLookup)), (1, Gen.Const(SoakMove.TopUpLookup)));

    public static readonly Gen<SoakFault> Fault = Gen.Frequency(
        (12, Gen.Const(SoakFault.None)), (1, Gen.Const(SoakFault.Status500Before)), (1, Gen.Const(SoakFault.Status503Before)),
        (2, Gen.Const(SoakFault.Status500AfterCommit)), (2, Gen.Const(SoakFault.DropAfterCommit)), (2, Gen.Const(SoakFault.Malformed)),
        (2, Gen.Const(SoakFault.UnreadableAfterCommit)), (2, Gen.Const(SoakFault.DelayAfterCommit)), (2, Gen.Const(SoakFault.LateBooking)),
        (1, Gen.Const(SoakFault.Status429)));

    private static readonly Gen<int?> Cancel = Gen.Frequency((9, Gen.Const((int?)null)), (1, Gen.Int[30, 900].Select(ms => (int?)ms)));

    private static readonly Gen<string> Reference = Gen.Frequency(
        (5, Gen.Int[0, 9_999_999].Select(n => "S" + n.ToString("D7"))),
        (2, Gen.OneOf(SharedReferences)));

    private static Gen<string> Amount(SoakMove move)
    {
        var good = move switch
        {
            SoakMove.TopUp => Gen.Int[1, 4].Select(n => (n * 5).ToString()),
            SoakMove.Refund => Gen.Frequency((1, Gen.Const("full")), (2, Gen.Int[100, 900].Select(Cents))),
            _ => Gen.Int[100, 399].Select(Cents),
        };
        return Gen.Frequency((9, good), (1, Gen.OneOf(BadAmounts)));
    }

    private static string Cents(int n) => $"{n / 100}.{n % 100:D2}";

    public static readonly Gen<SoakOp> Op =
        Move.SelectMany(move => Gen.Select(Reference, Amount(move), Fault, Cancel, Gen.Int[0, 3],
            (reference, amount, fault, cancel, pick) => new SoakOp(move, reference, amount, fault, cancel, pick)));

    public static readonly Gen<SoakOp[]> Sequence = Op.Array[4, 12];
}
