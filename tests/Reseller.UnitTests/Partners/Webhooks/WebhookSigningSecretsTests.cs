using System.Text;

using Microsoft.AspNetCore.DataProtection;

using Reseller.Partners.Webhooks;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.UnitTests.Partners.Webhooks;

public sealed class WebhookSigningSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);
    private readonly CountingProtection protection = new();

    [Fact]
    public void A_secret_is_decrypted_once_per_endpoint_and_version_however_many_deliveries_it_signs()
    {
        var secrets = new WebhookSecrets(protection);
        var signing = new WebhookSigningSecrets(secrets);
        var endpoint = Endpoint(secrets, "whsec_first");

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(["whsec_first"], signing.LiveSecrets(endpoint, Now));
        }

        Assert.Equal(1, protection.Unprotected);
    }

    [Fact]
    public void A_roll_reads_both_secrets_again_and_the_previous_one_stops_signing_after_its_24_hours()
    {
        var secrets = new WebhookSecrets(protection);
        var signing = new WebhookSigningSecrets(secrets);
        var endpoint = Endpoint(secrets, "whsec_first");
        signing.LiveSecrets(endpoint, Now);

        // Rolled by another instance: the stored secret differs, so this instance's entry no longer holds.
        endpoint.RollSecret(secrets.Protect("whsec_second"), Now);
        Assert.Equal(["whsec_second", "whsec_first"], signing.LiveSecrets(endpoint, Now.AddHours(1)));
        Assert.Equal(["whsec_second", "whsec_first"], signing.LiveSecrets(endpoint, Now.AddHours(2)));
        Assert.Equal(3, protection.Unprotected);

        Assert.Equal(["whsec_second"], signing.LiveSecrets(endpoint, Now + WebhookEndpoint.PreviousSecretLifetime + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Forgetting_an_endpoint_reads_its_secret_again()
    {
        var secrets = new WebhookSecrets(protection);
        var signing = new WebhookSigningSecrets(secrets);
        var endpoint = Endpoint(secrets, "whsec_first");
        signing.LiveSecrets(endpoint, Now);

        signing.Forget(endpoint.Id);
        signing.LiveSecrets(endpoint, Now);

        Assert.Equal(2, protection.Unprotected);
    }

    private static WebhookEndpoint Endpoint(WebhookSecrets secrets, string secret) =>
        WebhookEndpoint.Create(Guid.CreateVersion7(), "https://crm.agency.example/hooks", [WebhookEventTypes.InvoicePaid], null, secrets.Protect(secret), Now);

    /// <summary>A reversible "protection" that counts how often a secret is decrypted.</summary>
    private sealed class CountingProtection : IDataProtectionProvider, IDataProtector
    {
        private int unprotected;

        public int Unprotected => Volatile.Read(ref unprotected);

        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext) => [.. Encoding.UTF8.GetBytes("p:"), .. plaintext];

        public byte[] Unprotect(byte[] protectedData)
        {
            Interlocked.Increment(ref unprotected);
            return protectedData[2..];
        }
    }
}
