namespace Reseller.Accounts.Users;

/// <summary>An account user's login: the account's name, <c>admin</c> or the customer's e-mail, and the password.</summary>
public sealed record AccountTokenRequest(string? Account, string? Username, string? Password);
