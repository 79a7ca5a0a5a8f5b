namespace Reseller.Partners.Users;

public sealed record TokenRequest(string? Email, string? Password);
