using System;
using System.Globalization;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// The statement (history) of a Wallet account for a period, newest first, signed for the account
    /// (debits negative). Streams page by page: -First stops reading, so pages past it are never fetched.
    /// Takes the default account, -AccountId, or accounts piped from Get-PayNetWallet.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetStatement", DefaultParameterSetName = AccountSet, SupportsPaging = true, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetStatement.md")]
    [OutputType(typeof(WalletStatementLine))]
    public sealed class GetPayNetStatementCommand : WalletCmdlet
    {
        private const string AccountSet = "Account";
        private const string BalanceSet = "Balance";
        internal const int MaxPageSize = 100;

        /// <summary>First day of the period (inclusive).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Since", "BeginDate")]
        public DateTime From { get; set; }

        /// <summary>Last day of the period (inclusive).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Until", "EndDate")]
        public DateTime To { get; set; }

        /// <summary>The Wallet account; the default account when omitted.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = AccountSet)]
        [Alias("WalletId")]
        [ArgumentCompleter(typeof(PayNet.PowerShell.Completers.WalletAccountCompleter))]
        public long? AccountId { get; set; }

        /// <summary>An account from Get-PayNetWallet. A TopUp POS balance has no statement and is skipped (-Verbose says so).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = BalanceSet)]
        public PayNetBalance InputObject { get; set; } = null!;

        /// <summary>Lines per page read from PayNet (at most 100, wallet.md §11); smaller when -First -Skip need fewer.</summary>
        [Parameter]
        [ValidateRange(1, MaxPageSize)]
        public int PageSize { get; set; } = MaxPageSize;

        private protected override void Process()
        {
            long? accountId = AccountId;
            if (ParameterSetName == BalanceSet)
            {
                CurrentTarget = InputObject;
                if (InputObject.Service != PayNetApi.Wallet)
                {
                    // Get-PayNetWallet lists the TopUp POS balance too; it has no statement, so it is skipped.
                    WriteVerbose($"Skipped {InputObject.Service} account {InputObject.AccountId}: only Wallet accounts have a statement.");
                    return;
                }
                if (!long.TryParse(InputObject.AccountId, NumberStyles.None, CultureInfo.InvariantCulture, out long fromInput))
                {
                    WriteItemError(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, InputObject,
                        $"{InputObject.Service} account {InputObject.AccountId} has no Wallet statement; pipe only Wallet accounts into Get-PayNetStatement.",
                        "Get-PayNetWallet | Where-Object Service -eq Wallet");
                    return;
                }
                accountId = fromInput;
            }
            else
            {
                CurrentTarget = accountId is null ? $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}" : (object)accountId;
            }
            if (From.Date > To.Date)
                throw new PayNetException(PayNetApi.Wallet, "GetStatement", PayNetErrorCategory.InvalidArgument,
                    $"-From {From:yyyy-MM-dd} is after -To {To:yyyy-MM-dd}.");

            var client = Wallet;
            var from = new DateTimeOffset(From.Date, TimeSpan.Zero);
            var to = new DateTimeOffset(To.Date, TimeSpan.Zero);
            int pageSize = EffectivePageSize();
            var total = new StatedTotal();
            WritePaged(Stream(ct => client.GetStatementAsync(from, to, accountId, pageSize, ct, total.Set)), total.Get);
        }

        /// <summary>No bigger than -Skip + -First, so a small -First reads one small page.</summary>
        private int EffectivePageSize()
        {
            ulong first = PagingFirst, skip = PagingSkip;
            ulong wanted = first > ulong.MaxValue - skip ? ulong.MaxValue : first + skip;
            ulong size = Math.Min((ulong)Math.Max(1, Math.Min(PageSize, MaxPageSize)), Math.Max(1UL, wanted));
            return (int)size;
        }
    }
}
