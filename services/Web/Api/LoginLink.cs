namespace Reseller.Web.Api;

public sealed record LoginLink(string Url, DateTimeOffset ExpiresAt);
