using Reseller.Billing.Invoices.Issuing;
using Reseller.Contracts.Partners;

namespace Reseller.Billing.BilledPartners;

/// <summary>Billing's copy of what a partner's invoices name it by, kept from Partners' events (Partners is never called).</summary>
public sealed class BilledPartner
{
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string? LegalName { get; private set; }
    public string Address { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string? VatId { get; private set; }
    public string? Email { get; private set; }
    public string Language { get; private set; } = InvoiceLanguages.English;

    /// <summary>When the details applied last were changed: an older event changes nothing.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    private BilledPartner()
    {
    }

    public static BilledPartner From(PartnerCreated created) => new()
    {
        PartnerId = created.PartnerId,
        Name = created.Name,
        Country = created.Country,
        ChangedAt = created.CreatedAt,
    };

    public static BilledPartner From(PartnerLegalDetailsChanged changed)
    {
        var partner = new BilledPartner { PartnerId = changed.PartnerId };
        partner.Apply(changed);
        return partner;
    }

    /// <summary>Applies the details unless they are older than those applied; false when stale.</summary>
    public bool Apply(PartnerLegalDetailsChanged changed)
    {
        if (changed.ChangedAt < ChangedAt)
        {
            return false;
        }
        Name = changed.Name;
        LegalName = string.IsNullOrWhiteSpace(changed.LegalName) ? null : changed.LegalName;
        Address = changed.Address ?? "";
        Country = changed.Country;
        VatId = string.IsNullOrWhiteSpace(changed.VatId) ? null : changed.VatId;
        Email = changed.Email;
        Language = InvoiceLanguages.Of(changed.InvoiceLanguage);
        ChangedAt = changed.ChangedAt;
        return true;
    }

    public InvoiceParty ToParty() => new()
    {
        Name = LegalName ?? Name,
        Address = Address,
        Country = Country.Trim().ToUpperInvariant(),
        VatId = VatId,
        Email = Email,
    };
}
