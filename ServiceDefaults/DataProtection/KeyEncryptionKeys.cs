using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.DataProtection;

/// <summary>
/// The platform secret that encrypts the Data Protection key ring where it is stored (the service's own database), so that a
/// copy of that database alone does not reveal what the keys protect (mail bodies, webhook signing secrets, session cookies).
/// The current key encrypts; previous ones, kept while a rotation settles, still decrypt.
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string Setting = "Reseller:DataProtection:KeyEncryptionKey";
    public const string PreviousSetting = "Reseller:DataProtection:PreviousKeyEncryptionKeys";

    /// <summary>Outside production only (the AppHost always passes a generated secret): a known key for a service run alone.</summary>
    private const string DevelopmentSecret = "reseller-development-data-protection-key-not-for-production";

    private readonly Dictionary<string, byte[]> byId;

    private KeyEncryptionKeys(string current, IEnumerable<string> previous)
    {
        var currentKey = Derive(current);
        CurrentId = IdOf(currentKey);
        byId = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [CurrentId] = currentKey };
        foreach (var key in previous.Select(Derive))
        {
            byId.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentId { get; }

    public byte[] Current => byId[CurrentId];

    public static KeyEncryptionKeys From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var secret = configuration[Setting];
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 32)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException($"{Setting} must be set to at least 32 characters in Production (it encrypts the Data Protection keys at rest).");
            }
            secret = DevelopmentSecret;
        }
        var previous = (configuration[PreviousSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new KeyEncryptionKeys(secret, previous);
    }

    public static KeyEncryptionKeys ForSecrets(string current, params string[] previous) => new(current, previous);

    public byte[]? Find(string id) => byId.GetValueOrDefault(id);

    private static byte[] Derive(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: "reseller data-protection key encryption"u8.ToArray());

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "reseller key-encryption key id"u8))[..16];
}
