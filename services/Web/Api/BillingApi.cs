namespace Reseller.Web.Api;

/// <summary>Cards, invoices, the catalog and quotes (Billing service).</summary>
public sealed class BillingApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<BillingProfile>>> CardsAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<BillingProfile>>("/api/v1/billing-profiles?page_size=200", cancellationToken);

    public Task<ApiResult<BillingProfile>> AddCardAsync(string name, string number, int expMonth, int expYear, string cvc, CancellationToken cancellationToken = default) =>
        api.PostAsync<BillingProfile>("/api/v1/billing-profiles", new { name, card = new { number, exp_month = expMonth, exp_year = expYear, cvc } }, cancellationToken: cancellationToken);

    public Task<ApiResult<NoContent>> DeleteCardAsync(string id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync($"/api/v1/billing-profiles/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<ApiResult<ListPage<Invoice>>> InvoicesAsync(string? accountId = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<Invoice>>(accountId is null ? "/api/v1/invoices?page_size=50" : $"/api/v1/invoices?page_size=50&account_id={Uri.EscapeDataString(accountId)}", cancellationToken);

    public Task<ApiResult<Invoice>> InvoiceAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Invoice>($"/api/v1/invoices/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<ApiResult<Catalog>> CatalogAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<Catalog>("/api/v1/catalog", cancellationToken);

    public Task<ApiResult<Quote>> QuoteAsync(PlanRequest plan, CancellationToken cancellationToken = default) =>
        api.PostAsync<Quote>("/api/v1/quotes", new { plan, payer = "partner" }, cancellationToken: cancellationToken);
}
