using System.Management.Automation;
using PayNet.Core.Wallet;

namespace PayNet.PowerShell.Commands
{
    /// <summary>The signed-in Wallet member's profile.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetProfile")]
    [OutputType(typeof(WalletMember))]
    public sealed class GetPayNetProfileCommand : WalletCmdlet
    {
        private protected override void Process()
        {
            var client = Wallet;
            WriteObject(Await(ct => client.GetProfileAsync(ct)));
        }
    }
}
