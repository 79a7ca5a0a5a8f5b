using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Organisations;

public record PartnerResponse(
    string Id,
    string Name,
    string Email,
    string Country,
    string Currency,
    string? PaypalEmail,
    DateTimeOffset CreatedAt,
    string Status,
    DateTimeOffset? SuspendedAt)
{
    public const string IdPrefix = "prt";

    public static PartnerResponse From(Partner p) =>
        new(PublicId.Format(IdPrefix, p.Id), p.Name, p.Email, p.Country, p.Currency, p.PaypalEmail, p.CreatedAt, p.Status, p.SuspendedAt);
}
