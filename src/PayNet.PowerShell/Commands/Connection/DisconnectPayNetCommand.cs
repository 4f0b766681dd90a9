using System;
using System.Management.Automation;
using System.Threading;
using PayNet.Core;

namespace PayNet.PowerShell.Commands
{
    /// <summary>Forgets this runspace's default connections (all, or those of -Service) and closes the ones no longer used.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PayNet")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPayNetCommand : PayNetCmdlet
    {
        [Parameter(Position = 0)]
        public PayNetApi[]? Service { get; set; }

        private protected override void Process()
        {
            foreach (var connection in Connections.Clear(Service))
            {
                if (connection.Wallet is not null)
                {
                    // Best effort: ends the server-side session so the token is worthless even if it leaked.
                    try
                    {
                        using (var quick = CancellationTokenSource.CreateLinkedTokenSource(Cancellation))
                        {
                            quick.CancelAfter(TimeSpan.FromSeconds(5));
                            Dispatcher.Wait(connection.Wallet.LogoutAsync(quick.Token));
                        }
                    }
                    catch (Exception ex) when (!(ex is PipelineStoppedException))
                    {
                        WriteVerbose("Wallet logout did not complete; the session will expire on its own.");
                    }
                }
                connection.Dispose();
                WriteVerbose($"Disconnected: {connection}.");
            }
        }
    }
}
