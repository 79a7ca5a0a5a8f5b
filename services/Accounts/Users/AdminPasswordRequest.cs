namespace Reseller.Accounts.Users;

public sealed record AdminPasswordRequest(string? Password);
