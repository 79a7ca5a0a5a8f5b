using System.Net;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

/// <summary>Stands in for the network between a validating process and the issuers' internal endpoints, answering after <paramref name="latency"/>.</summary>
public sealed class IssuersHandler(IReadOnlyList<TestIssuer> issuers, TimeSpan latency = default) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        foreach (var issuer in issuers)
        {
            if (await issuer.AnswerAsync(request) is { } answer)
            {
                return answer;
            }
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
