namespace Reseller.Web.Api;

/// <summary>A partner user's sign-in, password reset and team invitation (Partners service, anonymous calls).</summary>
public sealed class PartnerAuthApi(GatewayApi api)
{
    public Task<ApiResult<IssuedToken>> SignInAsync(string email, string password, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<IssuedToken>("/api/v1/auth/token", new { email, password }, cancellationToken);

    public Task<ApiResult<NoContent>> RequestPasswordResetAsync(string email, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<NoContent>("/api/v1/auth/password-reset", new { email }, cancellationToken);

    public Task<ApiResult<NoContent>> AcceptInvitationAsync(string token, string password, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<NoContent>($"/api/v1/auth/partner-invitations/{Uri.EscapeDataString(token)}/accept", new { password }, cancellationToken);

    public Task<ApiResult<NoContent>> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<NoContent>("/api/v1/auth/password-reset/confirm", new { token, new_password = newPassword }, cancellationToken);
}
