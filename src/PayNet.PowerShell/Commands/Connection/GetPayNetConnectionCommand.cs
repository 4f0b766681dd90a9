using System.Linq;
using System.Management.Automation;
using PayNet.Core;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Lists this runspace's default connections. They carry no secrets.</summary>
    [Cmdlet(VerbsCommon.Get, "PayNetConnection")]
    [OutputType(typeof(PayNetConnection))]
    public sealed class GetPayNetConnectionCommand : PayNetCmdlet
    {
        /// <summary>Only the connection(s) serving these services.</summary>
        [Parameter(Position = 0)]
        public PayNetApi[]? Service { get; set; }

        private protected override void Process()
        {
            foreach (var connection in Connections.All())
            {
                if (Service is null || Service.Any(connection.Has)) WriteObject(connection);
            }
        }
    }
}
