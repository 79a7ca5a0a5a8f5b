using System.Text.Json;

using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>A JWKS as served at /.well-known/jwks.json: the public members of each key only.</summary>
public static class JwksDocument
{
    public static string Serialize(JsonWebKeySet set) => JsonSerializer.Serialize(new
    {
        keys = set.Keys.Select(k => new { kty = k.Kty, crv = k.Crv, x = k.X, y = k.Y, kid = k.Kid, alg = k.Alg, use = k.Use }),
    });
}
