using Microsoft.Extensions.Options;

using Reseller.Accounts.Accounts;

namespace Reseller.Accounts.Users;

/// <summary>The links mailed or handed out for an account: its product front-end redeems them through the API.</summary>
public sealed class AccountLinks(IOptions<AccountUrlOptions> urls)
{
    public string Invitation(string accountName, string token) => $"{urls.Value.LoginUrl(accountName)}/invitations/{token}";

    public string PasswordReset(string accountName, string token) => $"{urls.Value.LoginUrl(accountName)}/password-reset/{token}";

    public string LoginAs(string accountName, string token) => $"{urls.Value.LoginUrl(accountName)}/login-links/{token}";
}
