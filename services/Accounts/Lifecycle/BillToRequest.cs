using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Lifecycle;

/// <summary>Who the customer's invoices are addressed to, given when it takes over payment; address lines separated by '\n'.</summary>
public sealed record BillToRequest(string? Name, string? Address, string? Country, string? VatId)
{
    public const int MaxAddressLength = 500;

    public void Validate(ValidationErrors errors)
    {
        errors.RequireText("bill_to.name", Name, 200);
        errors
            .When(string.IsNullOrWhiteSpace(Address) || Address.Length > MaxAddressLength, "bill_to.address", $"bill_to.address is required, at most {MaxAddressLength} characters.")
            .When(Country is null || Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper), "bill_to.country", "bill_to.country must be an ISO 3166-1 alpha-2 code such as DE.")
            .When(VatId is { Length: > 0 } && !VatIds.IsWellFormed(VatId), "bill_to.vat_id", "bill_to.vat_id must be a VAT identification number: its country's two letters, then 2 to 13 letters or digits (DE123456789).")
            .When(VatId is { Length: > 0 } && VatIds.IsWellFormed(VatId) && Country is { Length: 2 } && VatIds.CountryOf(VatId) != Country, "bill_to.vat_id",
                "bill_to.vat_id must be a VAT identification number of bill_to.country: it starts with that country's code (EL for GR).");
    }

    public CustomerBillTo ToBillTo() => new(
        Name!.Trim(),
        string.Join('\n', Address!.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        Country!,
        string.IsNullOrWhiteSpace(VatId) ? null : VatIds.Compact(VatId));
}
