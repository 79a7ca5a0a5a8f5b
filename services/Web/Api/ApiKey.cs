namespace Reseller.Web.Api;

public sealed record ApiKey(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
