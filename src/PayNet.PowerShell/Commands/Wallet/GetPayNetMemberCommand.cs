using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Finds Wallet members (§6.14) by login principal (username or mobile number), by member id, or by
    /// keywords in the name, username or mobile number. Each member carries MemberId, so piping it into
    /// Invoke-PayNetPayment pays that member by id, never by a look-alike principal.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetMember", DefaultParameterSetName = PrincipalSet, SupportsPaging = true, HelpUri = "https://github.com/paynet-powershell/PayNet/blob/main/docs/en-US/Get-PayNetMember.md")]
    [OutputType(typeof(WalletMember))]
    public sealed class GetPayNetMemberCommand : WalletCmdlet
    {
        private const string PrincipalSet = "Principal";
        private const string IdSet = "MemberId";
        private const string SearchSet = "Search";

        /// <summary>The member's login principal: username or mobile number (account numbers work too). Pipe strings in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PrincipalSet)]
        [ValidateNotNullOrEmpty]
        public string[] Principal { get; set; } = null!;

        /// <summary>The member id; objects with a MemberId property bind to it from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] MemberId { get; set; } = null!;

        /// <summary>Words to look for in the name, username or mobile number; every page of matches is returned (-First limits it).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SearchSet)]
        [Alias("Keywords")]
        [ValidateNotNullOrEmpty]
        public string Search { get; set; } = null!;

        private protected override void Process()
        {
            var client = Wallet;
            switch (ParameterSetName)
            {
                case SearchSet:
                    CurrentTarget = Search;
                    var total = new StatedTotal();
                    WritePaged(Stream(ct => client.SearchMembersAsync(Search, cancellationToken: ct, totalCount: total.Set)), total.Get);
                    break;
                case IdSet:
                    foreach (long id in MemberId) Lookup(id, ct => client.FindMemberAsync(id, ct));
                    break;
                default:
                    foreach (string principal in Principal) Lookup(principal, ct => client.FindMemberAsync(principal, ct));
                    break;
            }
        }

        private ulong _found;

        /// <summary>Lookups by principal or id: -IncludeTotalCount counts the members found, after them.</summary>
        private protected override void End()
        {
            if (ParameterSetName != SearchSet && PagingParameters?.IncludeTotalCount.IsPresent == true)
                WriteObject(PagingParameters.NewTotalCount(_found, 1.0));
        }

        /// <summary>One lookup; a member that is not found is this item's error and the others still run.</summary>
        private void Lookup(object input, System.Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<WalletMember>> find)
        {
            CurrentTarget = input;
            try
            {
                WriteObject(Await(find));
                _found++;
            }
            catch (PayNetException error) when (error.Category != PayNetErrorCategory.StateUnknown && !Cancellation.IsCancellationRequested)
            {
                WriteError(PayNetErrors.From(error, input));
            }
        }
    }
}
