namespace Reseller.Web.Api;

/// <summary>An owner changes a team member's role (Partners service); the last owner is never demoted (409).</summary>
public sealed class TeamRoleApi(GatewayApi api)
{
    public Task<ApiResult<PartnerUser>> ChangeRoleAsync(string id, string role, CancellationToken cancellationToken = default) =>
        api.PatchAsync<PartnerUser>($"/api/v1/partners/me/users/{Uri.EscapeDataString(id)}", new { role }, cancellationToken);
}
