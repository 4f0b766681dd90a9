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

    /// <summary>
    /// The base of every <see cref="IPayNetRecord"/> model. It carries nothing: PowerShell lists a base class among an
    /// object's type names (interfaces it does not), so the module's table views name it to accept any record. A
    /// pipeline that mixes services then shows every row in the first object's table, under the columns every record
    /// has (Reference, Amount, Currency, State), instead of one long list per later object.
    /// </summary>
    public abstract class PayNetRecord
    {
        private protected PayNetRecord() { }
    }
}
