namespace Reseller.Billing.Invoices.Issuing;

/// <summary>Who issues or who is billed, as printed on the invoice the day it was issued (a JSON snapshot, never updated).</summary>
public sealed class InvoiceParty
{
    public string Name { get; set; } = "";

    /// <summary>The postal address, lines separated by '\n'.</summary>
    public string Address { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case; empty when unknown.</summary>
    public string Country { get; set; } = "";
    public string? VatId { get; set; }
    public string? Email { get; set; }

    public IReadOnlyList<string> AddressLines =>
        Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
