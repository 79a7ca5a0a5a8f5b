namespace Reseller.Web.Api;

/// <summary>The partner's users and their invitations (Partners service); inviting and removing are the owner's.</summary>
public sealed class TeamApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<PartnerUser>>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<PartnerUser>>("/api/v1/partners/me/users?page_size=200", cancellationToken);

    public Task<ApiResult<PartnerUser>> InviteAsync(string email, string role, CancellationToken cancellationToken = default) =>
        api.PostAsync<PartnerUser>("/api/v1/partners/me/users", new { email, role }, cancellationToken: cancellationToken);

    public Task<ApiResult<PartnerUser>> ResendAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<PartnerUser>($"/api/v1/partners/me/users/{Uri.EscapeDataString(id)}/resend", null, cancellationToken: cancellationToken);

    /// <summary>Removes a user, or withdraws an invitation not yet accepted.</summary>
    public Task<ApiResult<NoContent>> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync($"/api/v1/partners/me/users/{Uri.EscapeDataString(id)}", cancellationToken);
}
