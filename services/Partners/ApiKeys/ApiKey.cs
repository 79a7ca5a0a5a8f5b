namespace Reseller.Partners.ApiKeys;

/// <summary>A partner's key for the Agency API: only its SHA-256 hash and a short prefix are kept; the key is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private ApiKey()
    {
    }

    public static ApiKey Create(Guid partnerId, string name, ApiKeySecret secret, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Name = name,
        Prefix = secret.Prefix,
        Hash = secret.Hash,
        CreatedAt = now,
    };

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Records a use; at most once a minute, so a busy integration does not write on every request.</summary>
    public bool Used(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }
        LastUsedAt = now;
        return true;
    }
}
