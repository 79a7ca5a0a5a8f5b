namespace Reseller.Billing.Invoices.Issuing;

/// <summary>The languages an invoice is written in; any other language falls back to English.</summary>
public static class InvoiceLanguages
{
    public const string English = "en";
    public const string French = "fr";
    public const string German = "de";
    public const string Italian = "it";

    public static readonly IReadOnlyList<string> All = [English, French, German, Italian];

    /// <summary>"fr-BE" or "FR" → "fr"; anything not offered → "en".</summary>
    public static string Of(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(primary) ? primary : English;
    }
}
