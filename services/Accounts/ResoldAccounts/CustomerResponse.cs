namespace Reseller.Accounts.ResoldAccounts;

public sealed record CustomerResponse(string Name, string Email);
