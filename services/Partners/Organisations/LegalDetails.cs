namespace Reseller.Partners.Organisations;

/// <summary>
/// What the partner's invoices name it by: its legal name, postal address (lines separated by '\n'), VAT id and the
/// language they are written in (en, fr, de, it). Null leaves a field as it is; "" clears it.
/// </summary>
public sealed record LegalDetails(string? LegalName, string? Address, string? VatId, string? InvoiceLanguage)
{
    public static readonly IReadOnlyList<string> InvoiceLanguages = ["en", "fr", "de", "it"];

    public bool Any => LegalName is not null || Address is not null || VatId is not null || InvoiceLanguage is not null;
}
