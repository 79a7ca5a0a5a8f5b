namespace Reseller.Web.Api;

/// <summary>The partner's accounts (Accounts service).</summary>
public sealed class AccountsApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<Account>>> ListAsync(string query, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<Account>>($"/api/v1/accounts?{query}", cancellationToken);

    public Task<ApiResult<Account>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Account>($"/api/v1/accounts/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>The key is the form's own: a double click or a resend creates one account, never two.</summary>
    public Task<ApiResult<Account>> CreateAsync(NewAccountRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>("/api/v1/accounts", request, idempotencyKey, cancellationToken);
}
