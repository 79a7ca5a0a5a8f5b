namespace Reseller.Web.Api;

/// <summary>The partner's API keys (Partners service).</summary>
public sealed class ApiKeysApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<ApiKey>>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<ApiKey>>("/api/v1/api-keys?page_size=200", cancellationToken);

    public Task<ApiResult<CreatedApiKey>> CreateAsync(string name, CancellationToken cancellationToken = default) =>
        api.PostAsync<CreatedApiKey>("/api/v1/api-keys", new { name }, cancellationToken: cancellationToken);

    public Task<ApiResult<NoContent>> RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync($"/api/v1/api-keys/{Uri.EscapeDataString(id)}", cancellationToken);
}
