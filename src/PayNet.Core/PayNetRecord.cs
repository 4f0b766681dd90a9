using System;

namespace PayNet.Core
{
    /// <summary>
    /// The columns every PayNet output shares, so one pipeline can mix top-ups, card rows and wallet
    /// transfers and still Sort-Object, Group-Object or Export-Csv them. Each model also exposes a
    /// typed State property of its own; <see cref="StateName"/> is its text.
    /// </summary>
    public interface IPayNetRecord
    {
        PayNetApi Service { get; }
        string Id { get; }
        string? Reference { get; }
        decimal? Amount { get; }
        string? Currency { get; }
        string StateName { get; }
        DateTimeOffset? Time { get; }
    }
}
