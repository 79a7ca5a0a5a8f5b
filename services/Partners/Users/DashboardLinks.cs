namespace Reseller.Partners.Users;

/// <summary>Where the e-mailed links point: the dashboard's pages (Partners:DashboardUrl), each carrying its token.</summary>
public sealed class DashboardLinks(IConfiguration configuration)
{
    private string Base => (configuration["Partners:DashboardUrl"] ?? "https://dashboard.reseller.test").TrimEnd('/');

    public string Invitation(string token) => $"{Base}/invitations/accept?token={Uri.EscapeDataString(token)}";

    public string PasswordReset(string token) => $"{Base}/password-reset?token={Uri.EscapeDataString(token)}";
}
