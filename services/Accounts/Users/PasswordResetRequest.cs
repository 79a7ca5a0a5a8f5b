namespace Reseller.Accounts.Users;

public sealed record PasswordResetRequest(string? Account, string? Email);
