using System.Net.Http.Json;
using System.Text.Json;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Purchases;

/// <summary>
/// Asks Billing, with Credits' own service token naming the caller's partner, to invoice and charge a purchase. Synchronous because the caller is
/// answered with that invoice; the purchase id makes a repeated call return the same invoice instead of a second one.
/// </summary>
public sealed class BillingInvoices(HttpClient http, IHttpContextAccessor httpContext, ServiceTokens serviceTokens)
{
    public const string Path = "/internal/credit-purchases";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<JsonElement> InvoiceAsync(BillingInvoiceRequest purchase, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(purchase, options: Json) };
        request.Headers.Authorization = await serviceTokens.ForAsync("billing", httpContext.HttpContext?.User.PartnerId(), cancellationToken);
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
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }
            if ((int)response.StatusCode is >= 400 and < 500 and not 401 and not 403 && TryProblem(body, (int)response.StatusCode) is { } problem)
            {
                throw problem;
            }
            throw Unavailable();
        }
    }

    private static ProblemException? TryProblem(string body, int status)
    {
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            var type = problem.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            var slug = type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal) ? type[ProblemTypes.BaseUri.Length..] : "billing-refused";
            var title = problem.TryGetProperty("title", out var ti) ? ti.GetString() ?? "Billing refused the purchase" : "Billing refused the purchase";
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new ProblemException(status, slug, title, detail);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemException Unavailable() =>
        new(503, "billing-unavailable", "Billing cannot invoice right now", "The purchase was not invoiced; try again shortly.")
        {
            RetryAfter = DependencyFailures.RetryAfter,
        };
}
