namespace Reseller.Web.Api;

public sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn);
