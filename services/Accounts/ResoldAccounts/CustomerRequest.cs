namespace Reseller.Accounts.ResoldAccounts;

public sealed record CustomerRequest(string? Name, string? Email);
