namespace Reseller.Contracts.Partners;

public sealed record PartnerCreated(
    Guid PartnerId,
    string Name,
    string Country,
    string Currency,
    DateTimeOffset CreatedAt);
