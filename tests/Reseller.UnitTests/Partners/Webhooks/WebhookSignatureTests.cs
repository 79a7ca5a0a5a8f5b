using System.Security.Cryptography;
using System.Text;

using Reseller.Partners.Webhooks.Sending;

namespace Reseller.UnitTests.Partners.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Body = """{"id":"evt_1","type":"ping"}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_time_a_dot_and_the_raw_body()
    {
        var t = Now.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_a"), Encoding.UTF8.GetBytes($"{t}.{Body}")));

        Assert.Equal($"t={t},v1={expected}", WebhookSignature.Sign(["whsec_a"], t, Body));
    }

    [Fact]
    public void While_a_secret_rolls_either_secret_verifies_the_same_delivery()
    {
        var header = WebhookSignature.Sign(["whsec_new", "whsec_old"], Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(header, Body, "whsec_old", Now, TimeSpan.FromMinutes(5)));
        Assert.True(WebhookSignature.Verify(header, Body, "whsec_new", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(header, Body, "whsec_other", Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_or_an_old_timestamp_fails()
    {
        var header = WebhookSignature.Sign(["whsec_a"], Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(header, Body + " ", "whsec_a", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(header, Body, "whsec_a", Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Secrets_are_whsec_and_256_random_bits() =>
        Assert.Matches("^whsec_[0-9a-f]{64}$", WebhookSecrets.New());
}
