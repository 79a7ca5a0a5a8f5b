namespace Reseller.ServiceDefaults.Auth;

public sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn);
