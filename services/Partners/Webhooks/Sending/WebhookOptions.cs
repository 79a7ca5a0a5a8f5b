namespace Reseller.Partners.Webhooks.Sending;

/// <summary>Webhooks:* settings. Outside Production private addresses and http are allowed (a receiver on 127.0.0.1).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public bool AllowPrivateAddresses { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int PerEndpointConcurrency { get; set; } = 4;
    public int MaxInFlight { get; set; } = 64;
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
