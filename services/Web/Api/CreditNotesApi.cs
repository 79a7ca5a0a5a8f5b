namespace Reseller.Web.Api;

/// <summary>The credit notes of the partner's invoices, newest first (Billing service).</summary>
public sealed class CreditNotesApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<CreditNote>>> ListAsync(string? accountId, string? pageToken, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { "page_size=25" };
        if (accountId is { Length: > 0 })
        {
            query.Add($"account_id={Uri.EscapeDataString(accountId)}");
        }
        if (pageToken is { Length: > 0 })
        {
            query.Add($"page_token={Uri.EscapeDataString(pageToken)}");
        }
        return api.GetAsync<ListPage<CreditNote>>($"/api/v1/credit-notes?{string.Join('&', query)}", cancellationToken);
    }
}
