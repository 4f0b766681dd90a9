using System;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Card;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// PayNet's payout (settlement) report for a due date: what PayNet transfers to you that day, per
    /// transaction, for matching against the bank statement. Refunds appear as negative rows.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetPayout")]
    [OutputType(typeof(CardPayout))]
    public sealed class GetPayNetPayoutCommand : PayNetConnectedCmdlet
    {
        /// <summary>The due date; default today.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DueDate")]
        public DateTime? Date { get; set; }

        private protected override void Process()
        {
            var client = RequireConnection(PayNetApi.Card).CardClient;
            var date = (Date ?? DateTime.Today).Date;
            CurrentTarget = date;
            foreach (var row in Await(ct => client.GetPayoutReportAsync(date, ct))) WriteObject(row);
        }
    }
}
