namespace Reseller.Partners.Webhooks.Endpoints;

/// <summary>
/// A partner's URL that hears the events it subscribed to. Its signing secret is kept encrypted (Data Protection); while a
/// secret rolls, the previous one keeps signing beside the new one until <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxPerPartner = 10;
    public static readonly TimeSpan PreviousSecretLifetime = TimeSpan.FromHours(24);

    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Url { get; private set; } = "";
    public List<string> Events { get; private set; } = [];
    public string? Description { get; private set; }
    public bool Enabled { get; private set; }
    public string ProtectedSecret { get; private set; } = "";
    public string? ProtectedPreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    private WebhookEndpoint()
    {
    }

    public static WebhookEndpoint Create(Guid partnerId, string url, IEnumerable<string> events, string? description, string protectedSecret, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Url = url,
        Events = [.. events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        Description = description,
        Enabled = true,
        ProtectedSecret = protectedSecret,
        CreatedAt = now,
    };

    public bool Hears(string eventType) => Enabled && DeletedAt is null && (eventType == WebhookEventTypes.Ping || Events.Contains(eventType));

    public void Change(string? url, IEnumerable<string>? events, bool? enabled, string? description, DateTimeOffset now)
    {
        Url = url ?? Url;
        if (events is not null)
        {
            Events = [.. events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        Description = description ?? Description;
        if (enabled is { } on && on != Enabled)
        {
            Enabled = on;
            DisabledAt = on ? null : now;
        }
    }

    /// <summary>After 3 days of failed deliveries: the partner is mailed and re-enables it when its receiver works again.</summary>
    public void DisableForFailures(DateTimeOffset now)
    {
        Enabled = false;
        DisabledAt = now;
    }

    public void RollSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + PreviousSecretLifetime;
        ProtectedSecret = protectedSecret;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        Enabled = false;
    }
}
