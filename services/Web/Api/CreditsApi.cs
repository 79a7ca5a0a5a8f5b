namespace Reseller.Web.Api;

/// <summary>Credit balances, pack purchases, assignments and their history (Credits service).</summary>
public sealed class CreditsApi(GatewayApi api)
{
    public Task<ApiResult<CreditBalanceSheet>> BalancesAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<CreditBalanceSheet>("/api/v1/credits", cancellationToken);

    /// <summary>The packs each kind of credit is sold in, from the catalog.</summary>
    public Task<ApiResult<CreditPackCatalog>> PacksAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<CreditPackCatalog>("/api/v1/catalog", cancellationToken);

    /// <summary>The key is the form's own: a double click or a resend buys one pack, never two.</summary>
    public Task<ApiResult<CreditPurchase>> BuyAsync(string kind, long pack, string? accountId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        api.PostAsync<CreditPurchase>($"/api/v1/credits/{Uri.EscapeDataString(kind)}/purchases", new { pack, account_id = accountId }, idempotencyKey, cancellationToken);

    public Task<ApiResult<CreditPurchase>> PurchaseAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<CreditPurchase>($"/api/v1/credits/purchases/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<ApiResult<ListPage<CreditPurchase>>> PurchasesAsync(string? pageToken = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<CreditPurchase>>(
            pageToken is null ? "/api/v1/credits/purchases?page_size=20" : $"/api/v1/credits/purchases?page_size=20&page_token={Uri.EscapeDataString(pageToken)}",
            cancellationToken);

    public Task<ApiResult<CreditMovement>> AssignAsync(string kind, string accountId, long quantity, CancellationToken cancellationToken = default) =>
        api.PostAsync<CreditMovement>($"/api/v1/credits/{Uri.EscapeDataString(kind)}/assignments", new { account_id = accountId, quantity }, cancellationToken: cancellationToken);

    public Task<ApiResult<CreditMovement>> UnassignAsync(string kind, string accountId, long quantity, CancellationToken cancellationToken = default) =>
        api.PostAsync<CreditMovement>($"/api/v1/credits/{Uri.EscapeDataString(kind)}/unassignments", new { account_id = accountId, quantity }, cancellationToken: cancellationToken);
}
