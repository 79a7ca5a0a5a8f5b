namespace Reseller.Accounts.Accounts;

public sealed record CustomerRequest(string? Name, string? Email);
