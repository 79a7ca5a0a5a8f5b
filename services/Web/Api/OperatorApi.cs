namespace Reseller.Web.Api;

/// <summary>The operator's own actions (admin key).</summary>
public sealed class OperatorApi(GatewayApi api)
{
    public Task<bool> AcceptsAdminKeyAsync(string adminKey, CancellationToken cancellationToken) => api.AcceptsAdminKeyAsync(adminKey, cancellationToken);

    public Task<ApiResult<NoContent>> CreatePartnerAsync(string name, string email, string password, string country, string currency, CancellationToken cancellationToken = default) =>
        api.PostAsync<NoContent>("/api/v1/partners", new { name, email, password, country, currency }, cancellationToken: cancellationToken);
}
