namespace Reseller.Billing.Invoices.Documents;

/// <summary>What the vendor prints on every document beside the issuer: its logo (PNG or JPEG bytes) and a footer line.</summary>
public sealed record DocumentBranding(byte[]? Logo, string LogoMediaType, string Footer)
{
    public static DocumentBranding None { get; } = new(null, "", "");
}
