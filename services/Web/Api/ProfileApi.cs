namespace Reseller.Web.Api;

/// <summary>Changes to the partner's own profile (PATCH /partners/me: only the fields sent change).</summary>
public sealed class ProfileApi(GatewayApi api)
{
    public Task<ApiResult<PartnerProfile>> UpdateAsync(ProfileChanges changes, CancellationToken cancellationToken = default) =>
        api.PatchAsync<PartnerProfile>("/api/v1/partners/me", changes, cancellationToken);
}
