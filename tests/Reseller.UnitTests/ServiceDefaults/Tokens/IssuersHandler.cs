using System.Net;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

/// <summary>Stands in for the network between a validating process and the issuers' internal endpoints.</summary>
public sealed class IssuersHandler(IReadOnlyList<TestIssuer> issuers) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
