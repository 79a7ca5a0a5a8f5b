using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.ApiKeys;

public sealed record ApiKeyResponse(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public const string IdPrefix = "key";

    public static ApiKeyResponse From(ApiKey k) => new(PublicId.Format(IdPrefix, k.Id), k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
