using System.Linq;
using System.Management.Automation;
using System.Security;
using PayNet.Core.Wallet;
using PayNet.PowerShell.Models;

namespace PayNet.PowerShell.Commands
{
    /// <summary>
    /// Signs a new member up: PayNet texts a registration OTP to -MobileNo, the OTP is verified (typed at
    /// the console, or -Otp in scripts), then the member and their wallet are created with -Pin as login
    /// PIN. Scripts run it twice: without -Otp (PayNet sends the code; PayNetOtpRequired) and then with it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "PayNetMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RegisteredWalletMember))]
    public sealed class RegisterPayNetMemberCommand : WalletCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "DisplayName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>International form without '+' (e.g. 233249621938); it becomes the login principal.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Mobile", "MobileNumber", "Phone", "Msisdn")]
        [ValidateNotNullOrEmpty]
        public string MobileNo { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("EmailAddress", "Mail")]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = null!;

        /// <summary>The new member's login PIN (4 to 6 digits on PayNet).</summary>
        [Parameter(Mandatory = true)]
        public SecureString Pin { get; set; } = null!;

        /// <summary>The registration OTP PayNet texted; without it PayNet sends one and you are prompted.</summary>
        [Parameter]
        public string? Otp { get; set; }

        /// <summary>The member group; the tenant's customer group when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? GroupId { get; set; }

        private protected override void Process()
        {
            // International form without '+', spaces or dashes, as PayNet stores it (and so as the login principal).
            string mobile = new string(MobileNo.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '(' && c != ')').ToArray()).TrimStart('+');
            CurrentTarget = $"{Name} ({mobile})";
            var client = Wallet;
            if (!ShouldProcess($"{Name}, mobile {mobile}, e-mail {Email}", "Register a new Wallet member")) return;
            var pin = Secret(Pin, nameof(Pin), "Register");

            string? otp = ObtainOtp(Otp, "registering " + Name, mobile, ct => client.GenerateOtpAsync(mobile, WalletOtpAction.Registration, ct));
            if (otp is null) return;
            string resourceId = Await(ct => client.VerifyOtpAsync(mobile, otp, ct));
            var registration = new WalletRegistration(resourceId, Name, Email, mobile, pin) { GroupId = GroupId };
            var member = Await(ct => client.RegisterAsync(registration, ct));
            WriteObject(new RegisteredWalletMember
            {
                MemberId = member.Id,
                Name = member.Name,
                Username = member.Username,
                MobileNo = member.MobileNo,
                Email = member.Email,
                GroupId = member.GroupId,
                DefaultAccountId = member.DefaultAccountId,
                ResourceId = resourceId,
            });
        }
    }
}
