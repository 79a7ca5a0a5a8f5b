namespace Reseller.Web.Api;

/// <summary>
/// An account user's own ways in (Accounts service, anonymous calls): sign in by account name and username, reset a
/// password, accept an invitation, open a log-in-as link, confirm a move-in.
/// </summary>
public sealed class AccountAuthApi(GatewayApi api)
{
    public Task<ApiResult<IssuedToken>> SignInAsync(string account, string username, string password, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<IssuedToken>("/api/v1/auth/account-token", new { account, username, password }, cancellationToken);

    public Task<ApiResult<NoContent>> RequestPasswordResetAsync(string account, string email, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<NoContent>("/api/v1/auth/account-password-reset", new { account, email }, cancellationToken);

    public Task<ApiResult<NoContent>> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<NoContent>("/api/v1/auth/account-password-reset/confirm", new { token, new_password = newPassword }, cancellationToken);

    public Task<ApiResult<AcceptedInvitation>> AcceptInvitationAsync(string token, string password, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<AcceptedInvitation>($"/api/v1/invitations/{Uri.EscapeDataString(token)}/accept", new { password }, cancellationToken);

    public Task<ApiResult<IssuedToken>> RedeemLoginLinkAsync(string token, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<IssuedToken>($"/api/v1/auth/login-links/{Uri.EscapeDataString(token)}", new { }, cancellationToken);

    public Task<ApiResult<TransferConfirmed>> ConfirmTransferAsync(string token, CancellationToken cancellationToken) =>
        api.AnonymousPostAsync<TransferConfirmed>($"/api/v1/transfers/{Uri.EscapeDataString(token)}/confirm", new { }, cancellationToken);
}
