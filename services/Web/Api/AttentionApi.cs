namespace Reseller.Web.Api;

/// <summary>What the home page lists as needing attention: accounts by status (Accounts service) and pending move-ins.</summary>
public sealed class AttentionApi(GatewayApi api)
{
    /// <summary>Up to <paramref name="count"/> accounts of one status, the soonest to expire first.</summary>
    public Task<ApiResult<ListPage<Account>>> AccountsAsync(string status, int count, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<Account>>($"/api/v1/accounts?status={Uri.EscapeDataString(status)}&sort=expires&order=asc&page_size={count}", cancellationToken);

    public Task<ApiResult<ListPage<PendingTransfer>>> PendingTransfersAsync(int count, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<PendingTransfer>>($"/api/v1/transfers?page_size={count}", cancellationToken);
}
