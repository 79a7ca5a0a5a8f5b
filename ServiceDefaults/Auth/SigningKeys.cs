using System.Text;

using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Auth;

internal static class SigningKeys
{
    public static SymmetricSecurityKey From(PlatformTokenOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Jwt.SigningKey) || options.Jwt.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Reseller:Jwt:SigningKey must be set to at least 32 characters (the AppHost generates one).");
        }
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Jwt.SigningKey));
    }
}
