using Microsoft.Extensions.Configuration;

namespace Reseller.ServiceDefaults.Links;

/// <summary>
/// The one place where the links we mail or hand out are built: the dashboard's page for each, at <c>Reseller:PublicUrl</c>
/// (the gateway's public address), the one-time token in the query string. The paths are a contract with the dashboard
/// (services/Web): each page redeems its token through the public API alone.
/// </summary>
public sealed class DashboardLinks(IConfiguration configuration)
{
    public const string PublicUrlKey = "Reseller:PublicUrl";
    public const string DefaultPublicUrl = "http://127.0.0.1:5080";

    public const string PartnerInvitationPath = "/partner/invitations/accept";
    public const string PartnerPasswordResetPath = "/partner/password-reset";
    public const string CustomerInvitationPath = "/account/invitations/accept";
    public const string AccountPasswordResetPath = "/account/password-reset";
    public const string LoginAsPath = "/account/login-link";
    public const string TransferConfirmationPath = "/account/transfers/confirm";

    public string PublicUrl => (configuration[PublicUrlKey] is { Length: > 0 } url ? url : DefaultPublicUrl).TrimEnd('/');

    public string PartnerInvitation(string token) => Link(PartnerInvitationPath, token);

    public string PartnerPasswordReset(string token) => Link(PartnerPasswordResetPath, token);

    public string CustomerInvitation(string token) => Link(CustomerInvitationPath, token);

    /// <summary>The account's name rides along: the page signs the user in once the password is set, which needs it.</summary>
    public string AccountPasswordReset(string token, string accountName) =>
        $"{Link(AccountPasswordResetPath, token)}&account={Uri.EscapeDataString(accountName)}";

    public string LoginAs(string token) => Link(LoginAsPath, token);

    public string TransferConfirmation(string token) => Link(TransferConfirmationPath, token);

    private string Link(string path, string token) => $"{PublicUrl}{path}?token={Uri.EscapeDataString(token)}";
}
