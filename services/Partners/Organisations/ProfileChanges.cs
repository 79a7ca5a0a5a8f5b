namespace Reseller.Partners.Organisations;

/// <summary>The validated, normalised fields of a profile change; null leaves a field as it is.</summary>
public sealed record ProfileChanges(string? Name, string? Email, string? Country, string? Currency, string? PaypalEmail, LegalDetails? Legal = null)
{
    /// <summary>Whether an invoice would name the partner differently: Billing is then told.</summary>
    public bool ChangesInvoices => Name is not null || Email is not null || Country is not null || Legal is { Any: true };
}
