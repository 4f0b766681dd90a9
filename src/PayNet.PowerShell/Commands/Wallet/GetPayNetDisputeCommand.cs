using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>One dispute by -Id (or piped), or the member's disputes, optionally in one -State, streamed page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetDispute", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetDispute.md")]
    [OutputType(typeof(WalletDispute))]
    public sealed class GetPayNetDisputeCommand : WalletCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("DisputeId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Open, InReview, ResolvedRefunded, ResolvedRejected or Closed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Open", "InReview", "ResolvedRefunded", "ResolvedRejected", "Closed", IgnoreCase = true)]
        public string? State { get; set; }

        /// <summary>Disputes per page read from PayNet (at most 100, wallet.md §11).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, GetPayNetStatementCommand.MaxPageSize)]
        public int PageSize { get; set; } = GetPayNetStatementCommand.MaxPageSize;

        private protected override void Process()
        {
            var client = Wallet;
            if (ParameterSetName == IdSet)
            {
                CurrentTarget = Id;
                WriteObject(Await(ct => client.GetDisputeAsync(Id, ct)));
                return;
            }
            WalletDisputeState? state = null;
            if (!string.IsNullOrWhiteSpace(State))
            {
                if (!Enum.TryParse<WalletDisputeState>(State, ignoreCase: true, out var parsed) || parsed == WalletDisputeState.Unknown)
                    throw new PayNetException(PayNetApi.Wallet, "GetDisputes", PayNetErrorCategory.InvalidArgument, $"'{State}' is not a dispute state.");
                state = parsed;
            }
            var total = new StatedTotal();
            WritePaged(Stream(ct => client.GetDisputesAsync(state, PageSize, ct, total.Set)), total.Get);
        }
    }
}
