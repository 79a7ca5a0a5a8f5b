namespace Reseller.Web.Api;

/// <summary>The signed-in partner's own profile and standing.</summary>
public sealed class PartnersApi(GatewayApi api)
{
    public Task<ApiResult<PartnerProfile>> MeAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<PartnerProfile>("/api/v1/partners/me", cancellationToken);
}
