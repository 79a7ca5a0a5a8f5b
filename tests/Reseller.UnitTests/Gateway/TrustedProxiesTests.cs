using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Gateway;

namespace Reseller.UnitTests.Gateway;

public sealed class TrustedProxiesTests
{
    [Theory]
    [InlineData("10.9.9.9", "127.0.0.1")]
    [InlineData("10.9.9.9, 192.168.0.0/16", "127.0.0.1")]
    [InlineData("10.0.0.0/8, 127.0.0.0/8", "203.0.113.9")]
    [InlineData(null, "203.0.113.9")]
    public async Task X_forwarded_for_names_the_client_only_when_a_known_proxy_sent_it(string? knownProxies, string expectedClient)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["Gateway:KnownProxies"] = knownProxies,
        });
        builder.AddGatewayService();
        await using var app = builder.Build();
        app.MapGet("/client", (HttpContext context) => context.Connection.RemoteIpAddress!.ToString());
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/client");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var client = await (await http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(expectedClient, client);
        await app.StopAsync();
    }
}
