namespace Reseller.Web.Api;

public sealed record AccountUser(string Id, string Username, string Name, string Email, string Role, bool LockedOut, DateTimeOffset CreatedAt);
