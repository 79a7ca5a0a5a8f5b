namespace Reseller.Accounts.LoginLinks;

public sealed record LoginLinkResponse(string Url, DateTimeOffset ExpiresAt);
