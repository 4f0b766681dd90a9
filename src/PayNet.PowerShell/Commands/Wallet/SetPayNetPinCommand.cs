using System;
using System.Management.Automation;
using System.Security;
using PayNet.Core;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Changes the signed-in member's PIN in PayNet's two steps: the PINs are checked and PayNet texts
    /// an OTP, then the OTP (typed at the console, or -Otp) completes the change. The connection signs in
    /// and confirms payments with the new PIN from then on. Neither PIN appears in any output or log.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PayNetPin", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WalletPinChangeResult))]
    public sealed class SetPayNetPinCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("OldPin")]
        public SecureString CurrentPin { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1)]
        public SecureString NewPin { get; set; } = null!;

        /// <summary>The OTP PayNet texted for this change (scripts: run once without it to have it sent).</summary>
        [Parameter]
        public string? Otp { get; set; }

        private protected override void Process()
        {
            var client = Wallet;
            string who = client.Principal;
            CurrentTarget = who;
            if (!ShouldProcess($"Wallet member {who}", "Change the PIN")) return;
            var current = Secret(CurrentPin, nameof(CurrentPin), "ChangePin");
            var next = Secret(NewPin, nameof(NewPin), "ChangePin");
            if (next.Matches(current.Reveal()))
                throw new PayNetException(PayNetApi.Wallet, "ChangePin", PayNetErrorCategory.InvalidArgument, "The new PIN must differ from the current one.");

            string? mobile = client.InitialData?.MobileNo;
            string? otp = ObtainOtp(Otp, "changing the PIN", mobile, ct => client.ChangePinAsync(current, next, null, ct));
            if (otp is null) return;
            Await(ct => client.ChangePinAsync(current, next, otp, ct));
            WriteObject(new WalletPinChangeResult { Username = who, PinChanged = true, ChangedAt = DateTimeOffset.UtcNow });
        }
    }
}
