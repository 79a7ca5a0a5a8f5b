namespace Reseller.Accounts.Users;

public sealed record PasswordResetConfirmRequest(string? Token, string? NewPassword);
