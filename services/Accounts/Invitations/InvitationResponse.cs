using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.Invitations;

public sealed record InvitationResponse(
    string Id,
    string AccountId,
    string Name,
    string Email,
    string? Domain,
    string? Organization,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt)
{
    public const string IdPrefix = "invt";

    /// <summary>An invitation past its expiry reads <c>expired</c> even before the expiry job has marked it.</summary>
    public static InvitationResponse From(Invitation i, DateTimeOffset now) => new(
        PublicId.Format(IdPrefix, i.Id),
        PublicId.Format(ResoldAccounts.AccountResponse.IdPrefix, i.AccountId),
        i.Name,
        i.Email,
        i.Domain,
        i.Organization,
        (i.Status == InvitationStatus.Invited && i.ExpiresAt <= now ? InvitationStatus.Expired : i.Status).ToString().ToLowerInvariant(),
        i.CreatedAt,
        i.SentAt,
        i.ExpiresAt,
        i.AcceptedAt);
}
