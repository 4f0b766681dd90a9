using PayNet.Core.Card;
using PayNet.PowerShell.Commands;
using PayNet.PowerShell.Host;
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
        var host = CmdletRunner.RunPipeline(new GetPayNetTransactionCommand { ThrottleLimit = 8 },
            references.Select(r => (Action<GetPayNetTransactionCommand>)(c => c.ReferenceNo = r)), new RecordingHost(Store) { SetName = "CardReferenceNo" });

        var expected = references.Where(r => !r.StartsWith("NOPE")).ToList();
        var seen = host.OutputOf<CardTransaction>().Select(t => t.ReferenceNo).Distinct().ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(new object?[] { "NOPE-1", "NOPE-2", "NOPE-3" }, host.Errors.Select(e => e.TargetObject));
        Assert.All(host.Errors, e => Assert.Equal(ErrorIds.NotFound, e.ErrorId));
        Assert.Equal(0, host.WriteThreadViolations);
    }
}
