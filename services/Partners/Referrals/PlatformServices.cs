using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Referrals;

/// <summary>
/// The two synchronous calls of a referral signup, to internal endpoints of Billing (tokenize the customer's card) and
/// Accounts (open the account), with Partners' own service token (never the operator's key). A refusal of theirs reaches
/// the customer as the same problem.
/// </summary>
public sealed class PlatformServices(HttpClient http, ServiceTokens serviceTokens)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public Task<JsonNode> TokenizeCardAsync(string holderName, CustomerCardRequest card, CancellationToken cancellationToken) =>
        PostAsync(new Uri("http://billing/internal/referrals/cards"), "billing", new { name = holderName, card }, cancellationToken);

    public Task<JsonNode> OpenAccountAsync(Guid partnerId, object account, CancellationToken cancellationToken) =>
        PostAsync(new Uri("http://accounts/internal/referrals/accounts"), "accounts", new { partner_id = partnerId, account }, cancellationToken);

    private async Task<JsonNode> PostAsync(Uri uri, string callee, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = await serviceTokens.ForAsync(callee, partnerId: null, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (DependencyFailures.IsDependencyFailure(e, cancellationToken.IsCancellationRequested))
        {
            throw Unavailable();
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text) ?? throw Unavailable();
            }
            if ((int)response.StatusCode is >= 400 and < 500 && TryParse(text) is { } problem)
            {
                throw Relay((int)response.StatusCode, problem);
            }
            throw Unavailable();
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemException Relay(int status, JsonNode problem)
    {
        var type = problem["type"]?.GetValue<string>() ?? "";
        var slug = type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal) ? type[ProblemTypes.BaseUri.Length..] : "rejected";
        var errors = problem["errors"]?.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
        return new ProblemException(status, slug, problem["title"]?.GetValue<string>() ?? "The signup was refused.", problem["detail"]?.GetValue<string>(), errors);
    }

    private static ProblemException Unavailable() =>
        new(503, "signup-unavailable", "Signups cannot be completed right now; try again shortly.") { RetryAfter = TimeSpan.FromSeconds(5) };

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiConventions.Apply(options);
        return options;
    }
}
