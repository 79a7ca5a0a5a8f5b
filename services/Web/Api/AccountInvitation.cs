namespace Reseller.Web.Api;

public sealed record AccountInvitation(string Id, string Name, string Email, string Status, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);
