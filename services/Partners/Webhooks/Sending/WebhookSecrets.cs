using System.Security.Cryptography;

using Microsoft.AspNetCore.DataProtection;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>
/// Signing secrets (whsec_ + 256 random bits): shown once, kept encrypted with the Data Protection keys Partners already
/// keeps in its database for the mail outbox, so every replica can sign and a database dump alone reveals none.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";
    private readonly IDataProtector protector = protection.CreateProtector("Reseller.Partners.Webhooks.Secrets.v1");

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
