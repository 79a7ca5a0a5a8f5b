using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.IdentityModel.Tokens;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// One ES256 (P-256) key of an issuing service, kept in that service's own database so every replica and every restart
/// signs with the same keys. The private half never leaves the issuer; the public half is published as a JWK.
/// </summary>
public sealed class SigningKey
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    public string Id { get; private set; } = "";
    public byte[] PrivateKey { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    public static SigningKey Create(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)),
            PrivateKey = ecdsa.ExportPkcs8PrivateKey(),
            CreatedAt = now,
        };
    }

    public ECDsaSecurityKey ToSecurityKey()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(PrivateKey, out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = Id };
    }

    public JsonWebKey ToPublicJwk()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(PrivateKey, out _);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(parameters.Q.X),
            Y = Base64UrlEncoder.Encode(parameters.Q.Y),
            Kid = Id,
            Alg = Algorithm,
            Use = JsonWebKeyUseNames.Sig,
        };
    }
}
