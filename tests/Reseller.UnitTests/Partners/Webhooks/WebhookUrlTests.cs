using System.Net;

using Reseller.Partners.Webhooks.Sending;

namespace Reseller.UnitTests.Partners.Webhooks;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://[::1]/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://192.168.1.10/")]
    [InlineData("https://172.16.0.1/")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://[::ffff:10.0.0.1]/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://localhost/")]
    public async Task Production_refuses_private_loopback_link_local_and_metadata_addresses(string url) =>
        Assert.NotNull(await WebhookUrls.RefusalAsync(url, allowPrivate: false, CancellationToken.None));

    [Fact]
    public async Task Production_refuses_plain_http_even_to_a_public_address() =>
        Assert.Equal("url must use https.", await WebhookUrls.RefusalAsync("http://93.184.215.14/hooks", allowPrivate: false, CancellationToken.None));

    [Fact]
    public async Task Production_accepts_https_to_a_public_address() =>
        Assert.Null(await WebhookUrls.RefusalAsync("https://93.184.215.14/hooks", allowPrivate: false, CancellationToken.None));

    [Theory]
    [InlineData("http://127.0.0.1:5000/hooks")]
    [InlineData("https://crm.agency.test/hooks")]
    public async Task Sandbox_and_development_accept_a_local_receiver(string url) =>
        Assert.Null(await WebhookUrls.RefusalAsync(url, allowPrivate: true, CancellationToken.None));

    [Theory]
    [InlineData("")]
    [InlineData("ftp://files.agency.test/")]
    [InlineData("/relative/hooks")]
    [InlineData("https://user:pass@crm.agency.test/hooks")]
    public async Task Malformed_urls_are_refused_everywhere(string url) =>
        Assert.NotNull(await WebhookUrls.RefusalAsync(url, allowPrivate: true, CancellationToken.None));

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("198.18.0.1", true)]
    [InlineData("224.0.0.1", true)]
    public void Only_public_addresses_pass_at_connection(string address, bool blocked) =>
        Assert.Equal(blocked, BlockedAddresses.IsBlocked(IPAddress.Parse(address)));
}
