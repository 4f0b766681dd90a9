namespace PayNet.Sandbox.Card;

/// <summary>
/// The deterministic data set of card.md §7.4: golden fixtures F01–F17 (ids 1000001–1000015 in fixture order,
/// refund requests 1–4), then <c>RandomCount</c> generated transactions in the same window, all drawn from
/// SplitMix64 so every run and machine sees the same rows.
/// </summary>
public static class CardSeed
{
    public static CardData Build(ulong seed, decimal taxRate, int randomCount, bool emitBothNetSpellings)
    {
        var data = new CardData(seed, taxRate, emitBothNetSpellings);
        AddFixtures(data);
        AddRandom(data, randomCount);
        data.SortAfterBulkLoad();
        return data;
    }

    private static DateTime Jan(int day, int hour, int minute) => new(2024, 1, day, hour, minute, 0);

    private static void AddFixtures(CardData d)
    {
        var f01 = d.Create(new CardDraft("RCN-0001", Jan(15, 10, 15), "S", "BONS", "cc", 1000.00m, 0.02m), keepOrder: false);
        d.Create(new CardDraft("RCN-0002", Jan(15, 10, 40), "S", "AXSS", "cc", 59.35m, 0.04m, IsTds: true, Instalment: 3), false);
        d.Create(new CardDraft("RCN-0003", Jan(15, 11, 0), "S", "MAXM", "cc", 250.00m, 0.02m, IsTds: true, Succeed: false), false);
        d.Create(new CardDraft("RCN-0003", Jan(15, 11, 2), "S", "MAXM", "cc", 250.00m, 0.02m, IsTds: true), false);

        var f05 = d.Create(new CardDraft("RCN-0005", Jan(15, 12, 0), "S", "MAXM", "cc", 500.00m, 0.025m), false);
        var f06 = d.Create(new CardDraft("RCN-0005", Jan(15, 16, 0), "R", "MAXM", "cc", 500.00m, Parent: f05), false);
        Reverse(f05, f06, cancels: true);
        Resolved(d, f05, f06, "R", "approved");

        var f07 = d.Create(new CardDraft("RCN-0007", Jan(15, 13, 30), "S", "WRLD", "cc", 1200.00m, 0.06m, IsTds: true, Instalment: 6), false);
        var f08 = d.Create(new CardDraft("RCN-0007", Jan(16, 9, 30), "CD", "WRLD", "cc", 100.00m, Parent: f07), false);
        Reverse(f07, f08, cancels: false);
        Resolved(d, f07, f08, "CD", "approved");

        var f09 = d.Create(new CardDraft("RCN-0009", Jan(15, 9, 0), "PR", "AXSS", "cc", 300.00m, 0.02m, IsTds: true), false);
        var f10 = d.Create(new CardDraft("RCN-0009", Jan(15, 12, 30), "CR", "AXSS", "cc", 280.00m, 0.02m, IsTds: true, Parent: f09), false);
        f09.ConsumedById = f10.Id;

        var f11 = d.Create(new CardDraft("RCN-0011", Jan(15, 14, 0), "PR", "BONS", "cc", 150.00m, 0.02m, IsTds: true), false);
        var f12 = d.Create(new CardDraft("RCN-0011", Jan(15, 15, 0), "RP", "BONS", "cc", 150.00m, Parent: f11), false);
        f11.ConsumedById = f12.Id;
        Reverse(f11, f12, cancels: true);

        d.Create(new CardDraft("RCN-0013", Jan(15, 15, 30), "S", "PARF", "bc", 2000.00m, 0.02m, IsTds: true,
            AgentId: CardData.DealerId, AgentShare: 500.00m), false);
        var f14 = d.Create(new CardDraft("RCN-0014", Jan(16, 11, 0), "S", "ZDGR", "dc", 75.50m, 0.0149m), false);
        f14.IsTransferred = true;
        f14.DocumentNo = "ERP-2024-0114";
        // A replica of the documentation's detail example (813.75 → 16.28 + 2.93 + 794.54).
        var f15 = d.Create(new CardDraft("RCN-0015", Jan(15, 18, 14), "S", "BONS", "cc", 813.75m, 0.02m, IsTds: true), false);

        // F16: a pending partial refund of F01; F17: a rejected full refund of F15.
        d.Requests.Add(new CardReversalRequest
        {
            RequestId = d.NextRequestId(), OriginalId = f01.Id, Amount = 50.00m, Kind = "CD", EntryDate = Jan(17, 10, 0),
        });
        d.Requests.Add(new CardReversalRequest
        {
            RequestId = d.NextRequestId(), OriginalId = f15.Id, Amount = f15.Amount, Kind = "CD", EntryDate = Jan(17, 10, 30),
            Status = "rejected", ResolvedAt = Jan(17, 15, 0), Message = "İade talebi reddedildi",
        });
    }

    /// <summary>Marks an original reversed by <paramref name="reversal"/>; a same-day cancel also wipes its payout.</summary>
    public static void Reverse(CardTransaction original, CardTransaction reversal, bool cancels)
    {
        original.Reversed = true;
        original.ReversedXactId = reversal.XactId;
        if (cancels) original.CancelledById = reversal.Id;
    }

    private static void Resolved(CardData d, CardTransaction original, CardTransaction reversal, string kind, string status) =>
        d.Requests.Add(new CardReversalRequest
        {
            RequestId = d.NextRequestId(), OriginalId = original.Id, Amount = reversal.Amount, Kind = kind,
            EntryDate = reversal.XactDate, Status = status, ReversalId = reversal.Id, ResolvedAt = reversal.XactDate,
            Message = "Başarılı İşlem",
        });

    private static readonly string[] Banks = { "AXSS", "BONS", "MAXM", "WRLD", "PARF", "VAKF", "ZRTB", "ZDGR" };
    private static readonly int[] Instalments = { 0, 0, 0, 3, 6, 9 };

    /// <summary>Extra rows for paging and load tests: 01-15 00:00 to 01-18 00:00, mostly sales.</summary>
    private static void AddRandom(CardData d, int count)
    {
        var start = new DateTime(2024, 1, 15);
        for (int i = 1; i <= count; i++)
        {
            var at = start.AddSeconds(d.Random.Between(0, 3 * 24 * 3600));
            int kind = d.Random.Between(0, 100);
            int instalment = d.Random.Pick(Instalments);
            decimal amount = d.Random.Between(1_000, 500_000) * 0.01m;
            decimal ratio = instalment == 0 ? 0.02m : 0.02m + instalment * 0.005m;
            string xactType = kind < 95 ? "S" : "PR";
            bool succeed = kind is not (>= 90 and < 95);
            d.Create(new CardDraft($"RND-{i:D6}", at, xactType, d.Random.Pick(Banks), kind % 7 == 0 ? "dc" : "cc", amount, ratio,
                IsTds: kind % 2 == 0, Instalment: instalment, Succeed: succeed), keepOrder: false);
        }
    }
}
