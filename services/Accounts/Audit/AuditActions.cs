namespace Reseller.Accounts.Audit;

/// <summary>The names of audited actions; each says what happened to the account.</summary>
public static class AuditActions
{
    public const string AccountCreated = "account.created";
    public const string SettingsChanged = "account.settings_changed";
    public const string AdminPasswordSet = "admin_password.set";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationResent = "invitation.resent";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string UserRemoved = "user.removed";
    public const string PasswordResetRequested = "password_reset.requested";
    public const string PasswordResetCompleted = "password_reset.completed";
    public const string LoginLinkCreated = "login_link.created";
    public const string LoginLinkUsed = "login_link.used";
    public const string SnapshotCreated = "snapshot.created";
    public const string BrandingApplied = "branding.applied";
    public const string BrandingRemoved = "branding.removed";
    public const string AccessHandedOver = "access.handed_over";
}
