namespace Reseller.Accounts.Tokens;

public static class TokenPurposes
{
    public const string PasswordReset = "password_reset";
    public const string LoginLink = "login_link";
}
