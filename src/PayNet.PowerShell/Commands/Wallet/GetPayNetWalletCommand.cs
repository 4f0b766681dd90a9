using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// The Wallet accounts with their balances and, when the session also has a TopUp connection, the
    /// TopUp POS balance after them. Both kinds have the same columns (see <see cref="PayNetBalance"/>),
    /// so the list formats as one table and exports as one CSV. With -Connection, only the services of
    /// that connection are read.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayNetWallet")]
    [OutputType(typeof(WalletBalance), typeof(TopUpPosBalance))]
    public sealed class GetPayNetWalletCommand : WalletCmdlet
    {
        /// <summary>Only this Wallet account (and no POS balance).</summary>
        [Parameter(Position = 0)]
        [Alias("WalletId")]
        public long? AccountId { get; set; }

        private protected override void Process()
        {
            var wallet = Connected(PayNetApi.Wallet);
            var topUp = AccountId is null ? Connected(PayNetApi.TopUp) : null;
            if (wallet is null && topUp is null) RequireConnection(PayNetApi.Wallet);
            if (wallet is null && AccountId is not null) RequireConnection(PayNetApi.Wallet);

            if (wallet is not null)
            {
                var client = wallet.WalletClient;
                CurrentTarget = AccountId;
                var accounts = AccountId is long id
                    ? new[] { Await(ct => client.GetBalanceAsync(id, ct)) }
                    : Await(ct => client.GetWalletsAsync(ct)).ToArray();
                foreach (var account in accounts) WriteObject(From(account));
            }
            if (topUp is not null)
            {
                CurrentTarget = topUp.TopUpPosId;
                var balance = Await(ct => topUp.TopUpClient.GetBalanceAsync(ct));
                WriteObject(new TopUpPosBalance
                {
                    Service = PayNetApi.TopUp,
                    AccountId = topUp.TopUpPosId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    Name = "POS main wallet",
                    IsDefault = wallet is null,
                    Currency = balance.Currency,
                    Balance = balance.Main,
                    AvailableBalance = balance.Main,
                    Details = balance.Wallets,
                    RetrievedAt = DateTimeOffset.UtcNow,
                });
            }
        }

        /// <summary>-Connection when given (and only its services), else the session's default for the service.</summary>
        private PayNetConnection? Connected(PayNetApi service)
        {
            if (Connection is not null) return Connection.Has(service) ? Connection : null;
            return Connections.Get(service);
        }

        private static WalletBalance From(WalletAccount account) => new WalletBalance
        {
            Service = PayNetApi.Wallet,
            AccountId = account.Id.ToString(CultureInfo.InvariantCulture),
            Name = account.TypeName,
            IsDefault = account.IsDefault,
            Currency = account.Currency,
            Balance = account.Balance,
            AvailableBalance = account.AvailableBalance,
            ReservedAmount = account.ReservedAmount,
            CreditLimit = account.CreditLimit,
            Details = account.TypeId is long type ? "type " + type.ToString(CultureInfo.InvariantCulture) : null,
            RetrievedAt = DateTimeOffset.UtcNow,
        };
    }
}
