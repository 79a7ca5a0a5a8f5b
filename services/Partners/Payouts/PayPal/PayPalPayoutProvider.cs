using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Options;

namespace Reseller.Partners.Payouts.PayPal;

/// <summary>
/// PayPal Payouts (REST v1) with an OAuth2 client-credentials token. A batch is created with our batch id as both its
/// <c>sender_batch_id</c> and its <c>PayPal-Request-Id</c>: PayPal answers a retry with the batch it already made, so a
/// retry (timeout, crash before we stored its id) never pays twice.
/// </summary>
public sealed class PayPalPayoutProvider(HttpClient http, IOptions<PayPalOptions> options, TimeProvider clock) : IPayoutProvider
{
    // UNCLAIMED is not among them: PayPal holds an unclaimed payout for 30 days, during which the receiver can still claim it
    // (by opening an account for that e-mail), then returns it (RETURNED). Paying the statement again meanwhile paid it twice.
    private static readonly string[] FailedStatuses = ["FAILED", "RETURNED", "BLOCKED", "REFUNDED", "REVERSED", "DENIED"];
    private (string Value, DateTimeOffset ExpiresAt)? token;

    public async Task<string> SendAsync(PayoutBatchRequest batch, CancellationToken cancellationToken)
    {
        var body = new PayPalWire.CreateBatch(
            new PayPalWire.SenderBatchHeader(batch.SenderBatchId, batch.EmailSubject),
            batch.Items.Select(i => new PayPalWire.Item("EMAIL", new PayPalWire.Money(Value(i.Amount), i.Currency), i.Receiver, i.SenderItemId, i.Note)).ToList());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl, "v1/payments/payouts")) { Content = JsonContent.Create(body) };
        request.Headers.Add("PayPal-Request-Id", batch.SenderBatchId);
        try
        {
            var created = await SendAsync<PayPalWire.Batch>(request, cancellationToken);
            return created.BatchHeader.PayoutBatchId;
        }
        catch (PayPalErrorAnswer answer) when (RefusalOf(answer) is { } reason)
        {
            throw new PayoutRefusedException(reason);
        }
    }

    /// <summary>
    /// The reason PayPal gave for refusing a batch for good (400, 422), null for what may pass when sent again: an outage, a
    /// throttle, our credentials, or a duplicate, which means the batch was made and its answer was lost.
    /// </summary>
    private static string? RefusalOf(PayPalErrorAnswer answer)
    {
        if (answer.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity))
        {
            return null;
        }
        var error = ErrorIn(answer.Body);
        var name = error?.Name ?? "";
        return name.Contains("DUPLICATE", StringComparison.OrdinalIgnoreCase) || name.Contains("ALREADY", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{(name.Length > 0 ? name : ((int)answer.StatusCode!).ToString(CultureInfo.InvariantCulture))}: {error?.Message ?? "no reason given"}";
    }

    public async Task<IReadOnlyList<PayoutItemOutcome>> OutcomesAsync(string providerBatchId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.BaseUrl, $"v1/payments/payouts/{Uri.EscapeDataString(providerBatchId)}"));
        var batch = await SendAsync<PayPalWire.Batch>(request, cancellationToken);
        return (batch.Items ?? []).Select(Outcome).ToList();
    }

    /// <summary>PayPal's error (its name and message) in a refusal's body; null when the body is not one.</summary>
    private static PayPalWire.ItemError? ErrorIn(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<PayPalWire.ItemError>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>4410 → "44.10": Payouts takes a decimal string in the currency's major unit.</summary>
    public static string Value(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static PayoutItemOutcome Outcome(PayPalWire.BatchItem item)
    {
        var status = (item.TransactionStatus ?? "").ToUpperInvariant();
        return status == "SUCCESS"
            ? new(item.PayoutItem.SenderItemId, PayoutItemStatus.Succeeded, item.PayoutItemId, null)
            : FailedStatuses.Contains(status)
                ? new(item.PayoutItem.SenderItemId, PayoutItemStatus.Failed, item.PayoutItemId, $"{status}: {item.Errors?.Message ?? item.Errors?.Name ?? "no reason given"}")
                : new(item.PayoutItem.SenderItemId, PayoutItemStatus.Pending, item.PayoutItemId, null);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new PayPalErrorAnswer($"PayPal answered {(int)response.StatusCode} to {request.Method} {request.RequestUri?.AbsolutePath}: {body}",
                response.StatusCode, body);
        }
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken) ?? throw new HttpRequestException("PayPal answered an empty body.");
    }

    /// <summary>The access token, renewed a minute before it expires (two callers racing fetch two tokens: harmless).</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (token is { } current && current.ExpiresAt > clock.GetUtcNow())
        {
            return current.Value;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl, "v1/oauth2/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.ClientId}:{options.Value.ClientSecret}")));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<PayPalWire.Token>(cancellationToken) ?? throw new HttpRequestException("PayPal answered no token.");
        token = (issued.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(0, issued.ExpiresIn - 60)));
        return issued.AccessToken;
    }
}
