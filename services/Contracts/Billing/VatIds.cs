namespace Reseller.Contracts.Billing;

/// <summary>
/// VAT identification numbers as partners and customers type them: the member state's two letters, then 2 to 13 letters or
/// digits. Greece's prefix is EL where its ISO country code is GR. The one rule Accounts, Partners and Billing apply.
/// </summary>
public static class VatIds
{
    public static string Compact(string vatId) => vatId.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsWellFormed(string vatId)
    {
        var compact = Compact(vatId);
        return compact.Length is >= 4 and <= 15 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]) && compact[2..].All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>The ISO 3166-1 country a well-formed id belongs to: its prefix, EL read as GR.</summary>
    public static string CountryOf(string vatId)
    {
        var prefix = Compact(vatId)[..2];
        return prefix == "EL" ? "GR" : prefix;
    }
}
