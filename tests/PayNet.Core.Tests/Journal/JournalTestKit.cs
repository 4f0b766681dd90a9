using PayNet.Core.Journal;

namespace PayNet.Core.Tests.Journal;

/// <summary>A private journal directory per test, removed afterwards.</summary>
public sealed class TempJournalDirectory : IDisposable
{
    public TempJournalDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paynet-journal-test-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Not created yet: the store creates it (owner-only) on first write.</summary>
    public string Path { get; }

    public FileMoneyJournal Store(Func<DateTimeOffset>? clock = null, TimeSpan? lockTimeout = null) => new(Path, lockTimeout, clock);

    public string[] MonthFiles() => Directory.Exists(Path) ? Directory.GetFiles(Path, "journal-*.jsonl").OrderBy(f => f).ToArray() : Array.Empty<string>();

    /// <summary>Every file's text, to look for things that must never be written.</summary>
    public string AllText() => string.Join("\n", Directory.GetFiles(Path).Select(File.ReadAllText));

    public void Dispose()
    {
        try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

internal static class JournalTestKit
{
    public static MoneyMoveIntent Intent(string reference, decimal amount = 10.50m, PayNetApi service = PayNetApi.TopUp, string connection = "4242", string currency = "AED") =>
        new(service, connection, service == PayNetApi.TopUp ? "TopUpConfirm" : service == PayNetApi.Wallet ? "MemberPayment" : "CardRefund", reference, amount, currency)
        {
            Payee = "971555555500",
            ProductOrAccount = "et-mc",
        };

    public static List<JournalEntry> ReadAll(this FileMoneyJournal journal, List<string>? warnings = null, JournalQuery? query = null) =>
        journal.Read(query, w => warnings?.Add(w)).ToList();
}
