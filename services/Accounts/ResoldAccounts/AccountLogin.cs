namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The account's one-time login, returned once at creation; only the password's hash is kept.</summary>
public sealed record AccountLogin(string Url, string Username, string Password);
