namespace Reseller.Web.Api;

/// <summary>The partner's invoices narrowed by status and account, page by page.</summary>
public sealed class InvoiceSearchApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<ListedInvoice>>> SearchAsync(string? status, string? accountId, string? pageToken, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { "page_size=25" };
        if (status is { Length: > 0 })
        {
            query.Add($"status={Uri.EscapeDataString(status)}");
        }
        if (accountId is { Length: > 0 })
        {
            query.Add($"account_id={Uri.EscapeDataString(accountId)}");
        }
        if (pageToken is { Length: > 0 })
        {
            query.Add($"page_token={Uri.EscapeDataString(pageToken)}");
        }
        return api.GetAsync<ListPage<ListedInvoice>>($"/api/v1/invoices?{string.Join('&', query)}", cancellationToken);
    }
}
