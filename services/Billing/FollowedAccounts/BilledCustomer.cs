using Reseller.Billing.Invoices.Issuing;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>Who a customer-paid account's invoices are addressed to, as the customer gave it when it took over payment.</summary>
public sealed class BilledCustomer
{
    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string? VatId { get; private set; }
    public string Language { get; private set; } = InvoiceLanguages.English;
    public DateTimeOffset ChangedAt { get; private set; }

    private BilledCustomer()
    {
    }

    public static BilledCustomer For(Guid accountId) => new() { AccountId = accountId };

    /// <summary>Applies what the customer gave at <paramref name="changedAt"/>; an older message heard late changes nothing.</summary>
    public void Apply(CustomerBillTo? billTo, string? language, DateTimeOffset changedAt)
    {
        if (changedAt < ChangedAt)
        {
            return;
        }
        if (billTo is not null)
        {
            Name = billTo.Name;
            Address = billTo.Address;
            Country = billTo.Country.Trim().ToUpperInvariant();
            VatId = string.IsNullOrWhiteSpace(billTo.VatId) ? null : billTo.VatId;
        }
        if (language is not null)
        {
            Language = InvoiceLanguages.Of(language);
        }
        ChangedAt = changedAt;
    }

    public InvoiceParty ToParty(string fallbackName, string? email) => new()
    {
        Name = Name.Length > 0 ? Name : fallbackName,
        Address = Address,
        Country = Country,
        VatId = VatId,
        Email = string.IsNullOrWhiteSpace(email) ? null : email,
    };
}
