using System.Net;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using Reseller.Gateway.ApiKeys;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.UnitTests.Gateway;

public sealed class ApiKeyExchangeMiddlewareTests
{
    public static TheoryData<string> Failures => ["throws", "garbage", "timeout"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Any_failure_to_check_a_key_is_a_503_problem_never_an_exception(string failure)
    {
        var partners = new FakePartners(_ => failure switch
        {
            "throws" => throw new InvalidOperationException("boom"),
            "timeout" => throw new TaskCanceledException("timed out"),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>not json</html>") },
        });
        var context = Request(NewKey(), "198.51.100.1");
        var passedOn = false;

        await Middleware(_ => { passedOn = true; return Task.CompletedTask; }).InvokeAsync(context, Verifier(partners), new FailedKeyChecks(100));

        Assert.False(passedOn);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.EndsWith("/api-keys-unavailable", Problem(context)["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_limit_of_unknown_keys_an_address_gets_429_without_asking_partners()
    {
        var partners = new FakePartners(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var checks = new FailedKeyChecks(3);
        var verifier = Verifier(partners);
        var middleware = Middleware(_ => Task.CompletedTask);

        for (var i = 0; i < 3; i++)
        {
            var passed = Request(NewKey(), "198.51.100.7");
            await middleware.InvokeAsync(passed, verifier, checks);
            Assert.Equal(200, passed.Response.StatusCode);
        }
        var refused = Request(NewKey(), "198.51.100.7");
        await middleware.InvokeAsync(refused, verifier, checks);
        var elsewhere = Request(NewKey(), "198.51.100.8");
        await middleware.InvokeAsync(elsewhere, verifier, checks);

        Assert.Equal(429, refused.Response.StatusCode);
        Assert.InRange(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.EndsWith("/rate-limited", Problem(refused)["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, elsewhere.Response.StatusCode);
        Assert.Equal(4, partners.Calls);
    }

    [Fact]
    public async Task A_key_of_a_suspended_partner_is_refused_with_403_saying_so_and_is_not_counted_as_unknown()
    {
        var partners = new FakePartners(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"key_id":"{{Guid.NewGuid()}}","partner_id":"{{Guid.NewGuid()}}","access_token":"","expires_at":"2026-12-06T12:00:00Z","partner_suspended":true}"""),
        });
        var checks = new FailedKeyChecks(1);
        var context = Request(NewKey(), "198.51.100.9");
        var passedOn = false;

        await Middleware(_ => { passedOn = true; return Task.CompletedTask; }).InvokeAsync(context, Verifier(partners), checks);

        Assert.False(passedOn);
        Assert.Equal(403, context.Response.StatusCode);
        Assert.EndsWith("/partner-suspended", Problem(context)["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(checks.Refusal("198.51.100.9"));
    }

    private static string NewKey() => "rsk_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static ApiKeyExchangeMiddleware Middleware(RequestDelegate next) => new(next, NullLogger<ApiKeyExchangeMiddleware>.Instance);

    private static ApiKeyVerifier Verifier(FakePartners partners) =>
        new(new InternalServiceClient(new HttpClient(partners), new HttpContextAccessor(), new ServiceCollection().BuildServiceProvider(), NullLogger<InternalServiceClient>.Instance), TimeProvider.System);

    private static DefaultHttpContext Request(string key, string address)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/accounts";
        context.Request.Headers.Authorization = "Bearer " + key;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonNode Problem(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonNode.Parse(context.Response.Body)!;
    }

    private sealed class FakePartners(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer(request));
        }
    }
}
