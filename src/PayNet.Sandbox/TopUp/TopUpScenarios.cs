using System.Security.Cryptography;
using System.Text;

namespace PayNet.Sandbox.TopUp;

/// <summary>How a confirm that passed validation behaves for a scenario.</summary>
public enum ConfirmEffect
{
    /// <summary>Answer with the transaction.</summary>
    Normal,
    /// <summary>Suffix 20: the transaction moves on, but the answer is error 60.</summary>
    ProviderErrorAfterCommit,
    /// <summary>Suffix 23: the transaction moves on, but the answer is an HTTP 500 HTML page.</summary>
    ServerErrorAfterCommit,
    /// <summary>Suffix 24: the transaction moves on; the answer comes SlowMs later.</summary>
    SlowAnswer,
}

/// <summary>
/// The magic account suffixes of topup.md §12.5: the last two digits of `fields.account` pick a scenario.
/// "Polls" progression: find calls on the transaction are counted, and the state moves on at fixed counts.
/// </summary>
public static class TopUpScenarios
{
    public const string Default = "00";

    /// <summary>Last two digits of the account (digits of the local part for an e-mail); "00" when there are none.</summary>
    public static string SuffixOf(string? account)
    {
        if (string.IsNullOrEmpty(account)) return Default;
        int at = account.IndexOf('@');
        string part = at >= 0 ? account[..at] : account;
        string digits = new(part.Where(char.IsAsciiDigit).ToArray());
        return digits.Length switch
        {
            0 => Default,
            1 => "0" + digits,
            _ => digits[^2..],
        };
    }

    /// <summary>Check-stage outcomes: suffixes 10, 11, 12 (error envelopes) and 25 (one HTTP 503).</summary>
    public static (int Code, string? Display)? CheckError(string scenario) => scenario switch
    {
        "10" => (TopUpErrors.WrongAccount, null),
        "11" => (TopUpErrors.WrongInput, null),
        "12" => (TopUpErrors.CustomerBanned, "This customer is banned"),
        _ => null,
    };

    public const string CheckOutage = "25";

    /// <summary>Confirm-stage refusals that leave the transaction untouched: 13 and 14.</summary>
    public static int? ConfirmRefusal(string scenario) => scenario switch
    {
        "13" => TopUpErrors.NotEnoughFunds,
        "14" => TopUpErrors.LimitExceeded,
        _ => null,
    };

    /// <summary>The state a successful confirm moves a transaction to, with its error text and how it answers.</summary>
    public static (int State, string Error, ConfirmEffect Effect) OnConfirm(string scenario) => scenario switch
    {
        "01" or "02" or "05" or "06" or "07" or "21" or "22" => (0, "", ConfirmEffect.Normal),
        "03" => (2, "Provider rejected the account", ConfirmEffect.Normal),
        "04" or "08" => (6, "", ConfirmEffect.Normal),
        "20" => (0, "", ConfirmEffect.ProviderErrorAfterCommit),
        "23" => (1, "", ConfirmEffect.ServerErrorAfterCommit),
        "24" => (1, "", ConfirmEffect.SlowAnswer),
        _ => (1, "", ConfirmEffect.Normal),
    };

    /// <summary>A one-shot error the first find answers with (21 → 23, 22 → 20), or null.</summary>
    public static int? FirstFindError(string scenario) => scenario switch
    {
        "21" => TopUpErrors.NoTransactionInfo,
        "22" => TopUpErrors.TransactionNotFound,
        _ => null,
    };

    /// <summary>
    /// The state after the <paramref name="findCount"/>-th find of a transaction that is still moving, or
    /// null when the scenario leaves it where it is.
    /// </summary>
    public static (int State, string Error)? AfterFind(string scenario, int findCount) => scenario switch
    {
        "01" => findCount >= 3 ? (1, "") : (0, ""),
        "02" => findCount >= 3 ? (2, "Operator declined") : (0, ""),
        "04" => findCount >= 4 ? (1, "") : (6, ""),
        "05" => findCount >= 2 ? (3, "") : (0, ""),
        "06" => findCount >= 2 ? (4, "") : (0, ""),
        "20" => (1, ""),
        "21" or "22" => findCount >= 2 ? (1, "") : null,
        "07" or "08" => null,
        _ => null,
    };

    /// <summary>
    /// The voucher a transaction delivers: the same transaction id always gives the same PIN. Suffix 30 leaves
    /// the serial out ("if applicable").
    /// </summary>
    public static VoucherInfo Voucher(string transactionId, string scenario)
    {
        string pin = Digits(transactionId, 16);
        string number = string.Join('-', Enumerable.Range(0, 4).Select(g => pin.Substring(g * 4, 4)));
        string? serial = scenario == "30" ? null : "SN" + Digits(transactionId + ":serial", 9);
        return new VoucherInfo(Digits(transactionId + ":reference", 10), number, serial);
    }

    private static string Digits(string seed, int count)
    {
        byte[] hash = MD5.HashData(Encoding.UTF8.GetBytes(seed));
        var digits = new char[count];
        for (int i = 0; i < count; i++) digits[i] = (char)('0' + hash[i % hash.Length] % 10);
        return new string(digits);
    }
}
