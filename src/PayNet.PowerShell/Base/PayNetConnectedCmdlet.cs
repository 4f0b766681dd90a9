using System.Management.Automation;
using PayNet.Core;

namespace PayNet.PowerShell
{
    /// <summary>A cmdlet that talks to PayNet: takes -Connection, else the runspace's default for its service.</summary>
    public abstract class PayNetConnectedCmdlet : PayNetCmdlet
    {
        private PayNetConnection? _walletConnection;

        private protected override string? ReconnectCommand => _walletConnection?.Wallet?.Settings.ReconnectHint;

        /// <summary>Overrides the default connection; what ForEach-Object -Parallel passes with $using:.</summary>
        [Parameter]
        public PayNetConnection? Connection { get; set; }

        /// <summary>The connection to use for <paramref name="service"/>, or a terminating PayNetNotConnected error.</summary>
        private protected PayNetConnection RequireConnection(PayNetApi service)
        {
            var connection = Connection ?? Connections.Get(service);
            if (connection is null)
                throw Terminating(ErrorIds.NotConnected, ErrorCategory.ConnectionError, service,
                    $"There is no PayNet {service} connection in this session. Run Connect-PayNet first (Connect-PayNet -Sandbox to try the local sandbox), or pass -Connection.",
                    FollowUpCommands.ConnectExamples);
            if (connection.IsClosed)
                throw Terminating(ErrorIds.NotConnected, ErrorCategory.ConnectionError, connection,
                    $"This PayNet connection was closed by Disconnect-PayNet; it cannot reach {service} any more. Run Connect-PayNet again and use the new connection.",
                    FollowUpCommands.ConnectExamples);
            if (!connection.Has(service))
                throw Terminating(ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument, connection,
                    $"The connection passed with -Connection has no {service} service ({connection.Services}). Pass a connection to {service} (Get-PayNetConnection lists those of this session), or connect one with Connect-PayNet.",
                    FollowUpCommands.Connections(service));
            if (service == PayNetApi.Wallet) _walletConnection = connection;
            return connection;
        }
    }
}
