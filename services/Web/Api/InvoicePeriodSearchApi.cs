using System.Globalization;

namespace Reseller.Web.Api;

/// <summary>The payer's invoices narrowed by status, account and issue period (inclusive UTC days), page by page.</summary>
public sealed class InvoicePeriodSearchApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<ListedInvoice>>> SearchAsync(InvoiceFilters filters, string? pageToken, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { "page_size=25" };
        Add(query, "status", filters.Status);
        Add(query, "account_id", filters.AccountId);
        Add(query, "issued_from", filters.IssuedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "issued_to", filters.IssuedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "page_token", pageToken);
        return api.GetAsync<ListPage<ListedInvoice>>($"/api/v1/invoices?{string.Join('&', query)}", cancellationToken);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
