namespace Reseller.Partners.Partners;

/// <summary>An agency that resells accounts; created by the operator.</summary>
public sealed class Partner
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public string? PaypalEmail { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

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
        CreatedAt = now,
    };
}
