using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Invoices;

/// <summary>An invoice's issuer or bill-to as it was when the invoice was issued; address lines separated by '\n'.</summary>
public sealed record InvoicePartyResponse(string Name, string Address, string Country, string? VatId, string? Email)
{
    public static InvoicePartyResponse? From(InvoiceParty? party) =>
        party is null ? null : new(party.Name, party.Address, party.Country, party.VatId, party.Email);
}
