using System;

namespace PayNet.Core.Wallet
{
    /// <summary>Status of a transfer (§5.9). Unknown covers anything a deployment adds.</summary>
    public enum WalletTransferState { Unknown, Pending, Processed, Denied, Canceled, Scheduled, Failed, Blocked }

    public enum WalletOtpAction { Registration, Verification, ChangePin }

    public enum WalletPinChangeOutcome
    {
        /// <summary>Step one done: the server sent an OTP; call again with it.</summary>
        OtpSent,
        /// <summary>The PIN was changed; the client now signs in and confirms payments with the new one.</summary>
        Changed,
    }

    public enum WalletQrState { Unknown, Active, Used, Expired }

    public enum WalletDocumentState { Unknown, PendingReview, Approved, Rejected }

    public enum WalletDisputeState { Unknown, Open, InReview, ResolvedRefunded, ResolvedRejected, Closed }

    public enum WalletDisputeReason { Unknown, Unauthorized, NotReceived, WrongAmount, Duplicate, Other }

    /// <summary>SCREAMING_SNAKE wire values ↔ enum members.</summary>
    internal static class WalletEnumText
    {
        public static T Parse<T>(string? text) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text)) return default;
            string compact = text!.Replace("_", string.Empty).Replace("-", string.Empty).Replace(" ", string.Empty);
            return Enum.TryParse<T>(compact, ignoreCase: true, out var value) && Enum.IsDefined(typeof(T), value) ? value : default;
        }

        /// <summary>NotReceived → NOT_RECEIVED.</summary>
        public static string ToWire<T>(T value) where T : struct, Enum
        {
            string name = value.ToString();
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i])) builder.Append('_');
                builder.Append(char.ToUpperInvariant(name[i]));
            }
            return builder.ToString();
        }

        /// <summary>The typed state's name, or the raw text when the state is one we do not know.</summary>
        public static string NameOf<T>(T state, string? raw) where T : struct, Enum =>
            Convert.ToInt32(state) == 0 && !string.IsNullOrWhiteSpace(raw) ? raw! : state.ToString();
    }
}
