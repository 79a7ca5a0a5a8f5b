namespace Reseller.Partners.Users;

public sealed record PasswordResetRequest(string? Email);
