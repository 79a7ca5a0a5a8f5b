using System.Diagnostics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class LinkTokenRedactionTests
{
    [Theory]
    [InlineData("/api/v1/invitations/s3cr3t-Token_x/accept", "/api/v1/invitations/{token}/accept")]
    [InlineData("/api/v1/auth/partner-invitations/s3cr3t/accept", "/api/v1/auth/partner-invitations/{token}/accept")]
    [InlineData("/api/v1/auth/login-links/s3cr3t", "/api/v1/auth/login-links/{token}")]
    [InlineData("/API/V1/Transfers/s3cr3t/confirm", "/API/V1/Transfers/{token}/confirm")]
    [InlineData("http://127.0.0.1:5123/api/v1/invitations/s3cr3t/accept?x=1", "http://127.0.0.1:5123/api/v1/invitations/{token}/accept?x=1")]
    [InlineData("/api/v1/referrals/public-code/signup", "/api/v1/referrals/public-code/signup")]
    [InlineData("/api/v1/accounts/acc_1/invitations/inv_2/resend", "/api/v1/accounts/acc_1/invitations/inv_2/resend")]
    public void Link_secrets_in_paths_and_urls_are_replaced_and_nothing_else(string given, string expected)
    {
        Assert.Equal(expected, LinkTokens.Redact(given));
    }

    [Fact]
    public void A_finished_span_keeps_no_link_secret_in_its_url_tags_or_name()
    {
        using var span = new Activity("POST /api/v1/auth/login-links/s3cr3t");
        span.SetTag("url.path", "/api/v1/invitations/s3cr3t/accept");
        span.SetTag("url.full", "http://accounts/api/v1/transfers/s3cr3t/confirm");
        span.SetTag("http.route", "/api/v1/invitations/{token}/accept");

        new LinkTokenRedactingProcessor().OnEnd(span);

        Assert.Equal("/api/v1/invitations/{token}/accept", span.GetTagItem("url.path"));
        Assert.Equal("http://accounts/api/v1/transfers/{token}/confirm", span.GetTagItem("url.full"));
        Assert.Equal("POST /api/v1/auth/login-links/{token}", span.DisplayName);
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string v && v.Contains("s3cr3t", StringComparison.Ordinal));
    }
}
