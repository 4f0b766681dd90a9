using PayNet.Core.Card;
using PayNet.PowerShell.Tests.Support;

namespace PayNet.PowerShell.Tests.Transactions;

/// <summary>-ThrottleLimit runs lookups side by side yet writes results, and errors, in input order.</summary>
public sealed class ThrottleLimitTests : SandboxCmdletTest
{
    public ThrottleLimitTests(SandboxFixture sandbox) : base(sandbox) { }

    [Fact]
    public void Parallel_lookups_keep_input_order_and_each_error_keeps_its_own_input()
    {
        var references = new[] { "RCN-0015", "RCN-0001", "NOPE-1", "RCN-0007", "RCN-0013", "NOPE-2", "RCN-0002", "RCN-0009", "RCN-0014", "NOPE-3", "RCN-0011", "RCN-0005" };
        var result = Session.Pipe("Get-PayNetTransaction", references.Select(r => new { ReferenceNo = r }), new { ThrottleLimit = 8 });

        var expected = references.Where(r => !r.StartsWith("NOPE")).ToList();
        var seen = result.OutputOf<CardTransaction>().Select(t => t.ReferenceNo).Distinct().ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(new object?[] { "NOPE-1", "NOPE-2", "NOPE-3" }, result.Errors.Select(e => e.TargetObject));
        Assert.All(result.Errors, e => Assert.Equal(ErrorIds.NotFound, e.ErrorId));
        Assert.Null(result.Terminating);
    }

    [Fact]
    public void Two_hundred_csv_rows_looked_up_eight_at_a_time_each_answer_for_its_own_row()
    {
        // Import-Csv rows bind by property name; PowerShell rebinds ReferenceNo for every row while
        // earlier lookups are still queued, so each lookup must use the value of its own row.
        var seeded = new[] { "RCN-0001", "RCN-0002", "RCN-0003", "RCN-0005", "RCN-0007", "RCN-0009", "RCN-0011", "RCN-0013", "RCN-0014", "RCN-0015" };
        var rows = Enumerable.Range(0, 200).Select(i => i % 10 == 9 ? $"NOPE-{i}" : seeded[i % seeded.Length]).ToArray();
        string csv = "ReferenceNo\n" + string.Join("\n", rows);
        var result = Session.Run("$csv | ConvertFrom-Csv | Get-PayNetTransaction -ThrottleLimit 8", new { csv });

        Assert.Null(result.Terminating);
        var expectedErrors = rows.Where(r => r.StartsWith("NOPE")).ToList();
        Assert.Equal(expectedErrors, result.Errors.Select(e => e.TargetObject));
        // Rows come back grouped per input row in input order: collapse consecutive repeats of a reference.
        var found = result.OutputOf<CardTransaction>().Select(t => t.ReferenceNo).ToList();
        var perRow = new List<string>();
        foreach (var reference in found) if (perRow.Count == 0 || perRow[^1] != reference) perRow.Add(reference!);
        var expectedRows = rows.Where(r => !r.StartsWith("NOPE")).ToList();
        var collapsed = new List<string>();
        foreach (var reference in expectedRows) if (collapsed.Count == 0 || collapsed[^1] != reference) collapsed.Add(reference);
        Assert.Equal(collapsed, perRow);
    }

    [Fact]
    public void Forty_top_up_rows_at_throttle_eight_each_look_up_their_own_external_id()
    {
        // TopUp lookups are queued work too: each must use the ExternalId of its own row, not the one
        // PowerShell bound for a later row while it waited.
        var orders = new[] { "order-a", "order-b", "order-c", "order-d" };
        foreach (var order in orders)
        {
            var started = Session.Call("Start-PayNetTopUp", new { Product = "et-mc", Account = "971550000000", Amount = 10m, ExternalId = order, PollIntervalSec = 0.02 });
            Assert.True(started.Errors.Count == 0 && started.Terminating is null, $"top-up {order}: {started.Terminating ?? started.Errors.FirstOrDefault()}");
        }
        var rows = Enumerable.Range(0, 40).Select(i => orders[(i * 7 + i / 5) % orders.Length]).ToArray();
        string csv = "ExternalId\n" + string.Join("\n", rows);

        var result = Session.Run("$csv | ConvertFrom-Csv | Get-PayNetTransaction -ThrottleLimit 8", new { csv });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(rows, result.OutputOf<PayNet.Core.TopUp.TopUpTransaction>().Select(t => t.ExternalId));
    }
}
