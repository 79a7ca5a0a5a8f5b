namespace Reseller.Accounts.Accounts;

public sealed record CustomerResponse(string Name, string Email);
