namespace Reseller.Partners.Organisations;

/// <summary>An agency that resells accounts; created by the operator.</summary>
public sealed class Partner
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public string? PaypalEmail { get; private set; }
    public string? LegalName { get; private set; }
    public string? Address { get; private set; }
    public string? VatId { get; private set; }
    public string? InvoiceLanguage { get; private set; }
    public string ReferralCode { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string Status { get; private set; } = PartnerStatus.Active;
    public DateTimeOffset? SuspendedAt { get; private set; }
    public bool IsSuspended => Status == PartnerStatus.Suspended;
    public uint Version { get; private set; }

    private Partner()
    {
    }

    public static Partner Create(string name, string email, string country, string currency, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Email = email,
        Country = country,
        Currency = currency,
        ReferralCode = Referrals.ReferralCodes.New(),
        CreatedAt = now,
    };

    /// <summary>Suspends the partner; false when it already was (the call is then a no-op).</summary>
    public bool Suspend(DateTimeOffset now)
    {
        if (IsSuspended)
        {
            return false;
        }
        Status = PartnerStatus.Suspended;
        SuspendedAt = now;
        return true;
    }

    /// <summary>Lets the partner's users sign in and its API keys work again; false when it was not suspended.</summary>
    public bool Reactivate()
    {
        if (!IsSuspended)
        {
            return false;
        }
        Status = PartnerStatus.Active;
        SuspendedAt = null;
        return true;
    }

    /// <summary>Applies the fields the partner sent; an empty PayPal e-mail removes it (statements are then held).</summary>
    public void Update(ProfileChanges changes)
    {
        Name = changes.Name ?? Name;
        Email = changes.Email ?? Email;
        Country = changes.Country ?? Country;
        Currency = changes.Currency ?? Currency;
        if (changes.PaypalEmail is not null)
        {
            PaypalEmail = changes.PaypalEmail.Length == 0 ? null : changes.PaypalEmail;
        }
        if (changes.Legal is { } legal)
        {
            LegalName = Cleared(legal.LegalName, LegalName);
            Address = Cleared(legal.Address, Address);
            VatId = Cleared(legal.VatId, VatId);
            InvoiceLanguage = Cleared(legal.InvoiceLanguage, InvoiceLanguage);
        }
    }

    /// <summary>What the partner's invoices name it by, as Billing keeps it.</summary>
    public Contracts.Partners.PartnerLegalDetailsChanged LegalDetailsChanged(DateTimeOffset now) =>
        new(Id, Name, LegalName, Address, Country, VatId, Email, InvoiceLanguage, now);

    private static string? Cleared(string? sent, string? current) => sent is null ? current : sent.Length == 0 ? null : sent;
}
