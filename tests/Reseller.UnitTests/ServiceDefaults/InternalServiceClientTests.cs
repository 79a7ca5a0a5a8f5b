using System.Net;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>The one reading of another service's answer that every internal call shares.</summary>
public sealed class InternalServiceClientTests
{
    private const string Refusal = """
        {"type":"https://reseller.dev/problems/validation","title":"The request has invalid fields.","status":400,"detail":"See errors.","errors":{"card.number":["card.number is not a card number."]}}
        """;

    private static readonly InternalCall Lookup = InternalCall.Get("billing", "/api/v1/billing-profiles/bp_1", InternalCredentials.Caller);
    private static readonly InternalCall Command = InternalCall.Post("billing", "/internal/referrals/cards", new { name = "Ann" }, InternalCredentials.None);

    [Fact]
    public async Task A_refusal_of_the_callee_is_relayed_as_the_same_problem()
    {
        var problem = await Assert.ThrowsAsync<ProblemException>(() => Client(HttpStatusCode.BadRequest, Refusal).SendAsync<JsonElement>(Command, CancellationToken.None));

        Assert.Equal(400, problem.Status);
        Assert.Equal("https://reseller.dev/problems/validation", problem.Type);
        Assert.Equal("See errors.", problem.Detail);
        Assert.Equal(["card.number is not a card number."], problem.Errors!["card.number"]);
    }

    [Fact]
    public async Task A_look_up_answered_404_is_null_and_a_command_answered_404_is_relayed()
    {
        Assert.Null(await Client(HttpStatusCode.NotFound, "").FindAsync<JsonElement?>(Lookup, CancellationToken.None));

        var problem = await Assert.ThrowsAsync<ProblemException>(() =>
            Client(HttpStatusCode.NotFound, """{"type":"https://reseller.dev/problems/not-found","title":"Not found"}""").SendAsync<JsonElement>(Command, CancellationToken.None));
        Assert.Equal(404, problem.Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.ServiceUnavailable, Refusal)]
    [InlineData(HttpStatusCode.Forbidden, Refusal)]
    [InlineData(HttpStatusCode.Unauthorized, Refusal)]
    [InlineData(HttpStatusCode.Conflict, "<html>not a problem</html>")]
    public async Task A_failing_callee_or_one_refusing_our_own_credential_is_503_dependency_unavailable(HttpStatusCode status, string body)
    {
        var problem = await Assert.ThrowsAsync<ProblemException>(() => Client(status, body).SendAsync<JsonElement>(Command, CancellationToken.None));

        Assert.Equal(503, problem.Status);
        Assert.EndsWith("/" + DependencyFailures.Slug, problem.Type, StringComparison.Ordinal);
        Assert.NotNull(problem.RetryAfter);
    }

    [Fact]
    public async Task A_refusal_of_the_callers_own_credential_is_relayed()
    {
        var problem = await Assert.ThrowsAsync<ProblemException>(() => Client(HttpStatusCode.Forbidden, Refusal).FindAsync<JsonElement?>(Lookup, CancellationToken.None));

        Assert.Equal(403, problem.Status);
    }

    [Fact]
    public async Task An_unreachable_callee_is_503_dependency_unavailable()
    {
        var client = Client(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (billing:80)"));

        var problem = await Assert.ThrowsAsync<ProblemException>(() => client.FindAsync<JsonElement?>(Lookup, CancellationToken.None));

        Assert.Equal(503, problem.Status);
        Assert.EndsWith("/" + DependencyFailures.Slug, problem.Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_cannot_be_read_is_an_invalid_response_which_is_a_dependency_failure()
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Client(HttpStatusCode.OK, "<html>").SendAsync<JsonElement>(Command, CancellationToken.None));

        Assert.Equal(HttpRequestError.InvalidResponse, failure.HttpRequestError);
        Assert.True(DependencyFailures.IsDependencyFailure(failure, requestAborted: false));
    }

    [Fact]
    public async Task The_callers_credential_and_the_body_travel_in_the_shared_json()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer caller-token";
        var callee = new Callee(_ => Answer(HttpStatusCode.OK, """{"holder_name":"Ann","unknown_field":1}"""));
        var client = Client(callee, context);

        var answer = await client.SendAsync<Holder>(new InternalCall("billing", HttpMethod.Post, "/internal/x", InternalCredentials.Caller) { Body = new Holder("Bob") }, CancellationToken.None);

        Assert.Equal("Ann", answer.HolderName);
        Assert.Equal(new Uri("http://billing/internal/x"), callee.LastUri);
        Assert.Equal("Bearer caller-token", callee.LastAuthorization);
        Assert.Equal("""{"holder_name":"Bob"}""", callee.LastBody);
    }

    private sealed record Holder(string HolderName);

    private static InternalServiceClient Client(HttpStatusCode status, string body) => Client(_ => Answer(status, body));

    private static InternalServiceClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer) => Client(new Callee(answer), caller: null);

    private static InternalServiceClient Client(Callee callee, HttpContext? caller) =>
        new(new HttpClient(callee), new HttpContextAccessor { HttpContext = caller }, new ServiceCollection().BuildServiceProvider(), NullLogger<InternalServiceClient>.Instance);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Callee(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public Uri? LastUri { get; private set; }
        public string? LastAuthorization { get; private set; }
        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization?.ToString();
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return answer(request);
        }
    }
}
