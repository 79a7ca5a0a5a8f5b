using System.Net;

using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

using Reseller.ServiceDefaults.Resilience;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>What the failover retries: anything no replica saw; what a replica may have seen, only when it is safe to repeat.</summary>
public sealed class InternalCallRetryRulesTests
{
    public static TheoryData<string> Methods => new() { "GET", "POST", "PATCH" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_call_no_replica_saw_is_retried_whatever_its_method(string method)
    {
        var refused = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var brokenCircuit = Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException());

        Assert.True(InternalCallResilience.ShouldRetry(refused, new HttpMethod(method), attemptNumber: 3));
        Assert.True(InternalCallResilience.ShouldRetry(brokenCircuit, new HttpMethod(method), attemptNumber: 3));
    }

    [Fact]
    public void A_post_a_replica_may_have_acted_on_is_never_sent_again()
    {
        var timedOut = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());
        var reset = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.False(InternalCallResilience.ShouldRetry(timedOut, HttpMethod.Post, attemptNumber: 0));
        Assert.False(InternalCallResilience.ShouldRetry(reset, HttpMethod.Post, attemptNumber: 0));
        Assert.False(InternalCallResilience.ShouldRetry(Outcome.FromResult(unavailable), HttpMethod.Post, attemptNumber: 0));
    }

    [Fact]
    public void A_get_a_replica_may_have_seen_is_retried_a_few_times_and_an_answer_that_is_no_failure_never()
    {
        var timedOut = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        using var notFound = new HttpResponseMessage(HttpStatusCode.NotFound);
        using var error = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.True(InternalCallResilience.ShouldRetry(timedOut, HttpMethod.Get, attemptNumber: 0));
        Assert.False(InternalCallResilience.ShouldRetry(timedOut, HttpMethod.Get, attemptNumber: InternalCallResilience.MaxRetriesAfterReaching));
        Assert.False(InternalCallResilience.ShouldRetry(Outcome.FromResult(ok), HttpMethod.Get, attemptNumber: 0));
        Assert.False(InternalCallResilience.ShouldRetry(Outcome.FromResult(notFound), HttpMethod.Get, attemptNumber: 0));
        Assert.False(InternalCallResilience.ShouldRetry(Outcome.FromResult(error), HttpMethod.Get, attemptNumber: 0));
    }
}
