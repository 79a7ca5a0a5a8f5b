namespace Reseller.Partners.Users;

public static class UserTokenPurposes
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password_reset";

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);
}
